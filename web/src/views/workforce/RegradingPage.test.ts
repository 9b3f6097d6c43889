import { flushPromises } from '@vue/test-utils';
import { ElMessageBox, type MessageBoxData } from 'element-plus';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { User } from '@/api/session';
import {
  approveRun,
  getRun,
  listProposals,
  listRuns,
  reviewRun,
  type Proposal,
  type RegradingRun,
} from '@/api/workforce';
import { useSessionStore } from '@/stores/session';
import { streetAdmin } from '@/testing/fixtures';
import { createTestPlugins, mountAtRoute } from '@/testing/plugins';
import RegradingPage from './RegradingPage.vue';

vi.mock('@/api/workforce', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@/api/workforce')>()),
  listRuns: vi.fn(),
  getRun: vi.fn(),
  listProposals: vi.fn(),
  reviewRun: vi.fn(),
  approveRun: vi.fn(),
}));

const district: User = {
  ...streetAdmin,
  org: { ...streetAdmin.org, id: 2, name: '东城区', level: 'district' },
  permissions: ['org:read', 'workforce:manage', 'workforce:read', 'workforce:write'],
};

function aRun(overrides: Partial<RegradingRun> = {}): RegradingRun {
  return {
    id: 7,
    org: { id: 2, name: '东城区' },
    year: 2026,
    effective_on: '2026-01-01',
    status: 'draft',
    computed_at: '2026-01-02T01:00:00Z',
    approved_at: null,
    reverted_at: null,
    revert_reason: '',
    counts: { promoted: 1, early: 1, held: 1 },
    streets: [{ street: { id: 5, name: '和平街道' }, proposals: 3, changes: 2, reviewed_at: null }],
    ...overrides,
  };
}

const PROPOSALS: Proposal[] = [
  {
    worker: { id: 31, name: '李秀英' },
    org: { id: 9, name: '和平里社区' },
    post: 'staff',
    change: 'promoted',
    from_grade: 5,
    to_grade: 6,
    explanation: '+1：自2023-01-01起满三年，考核称职×3',
  },
  {
    worker: { id: 32, name: '王建华' },
    org: { id: 9, name: '和平里社区' },
    post: 'deputy',
    change: 'early',
    from_grade: 8,
    to_grade: 9,
    explanation: '+1 提前：2024、2025年连续优秀，第1次（共2次）',
  },
];

async function mountPage(user: User) {
  const { plugins } = createTestPlugins();
  useSessionStore().$patch({ user, csrfToken: 'csrf', restored: true });
  const mounted = await mountAtRoute(RegradingPage, '/regrading', '/regrading', plugins);
  await flushPromises();
  return mounted;
}

beforeEach(() => {
  vi.mocked(listRuns)
    .mockReset()
    .mockResolvedValue({ items: [aRun()] });
  vi.mocked(getRun).mockReset().mockResolvedValue(aRun());
  vi.mocked(listProposals)
    .mockReset()
    .mockResolvedValue({ items: PROPOSALS, total: 2, page: 1, page_size: 20 });
  vi.mocked(reviewRun).mockReset();
  vi.mocked(approveRun).mockReset();
});

describe('RegradingPage', () => {
  it('shows each proposal with its explanation and filters the early steps', async () => {
    const { wrapper } = await mountPage(district);
    await wrapper.get('[data-test="run-open"]').trigger('click');
    await flushPromises();

    expect(wrapper.get('[data-test="run-counts"]').text()).toContain('晋级 1 人，提前晋级 1 人');
    const explanations = wrapper.findAll('[data-test="proposal-explanation"]').map((e) => e.text());
    expect(explanations).toEqual([
      '+1：自2023-01-01起满三年，考核称职×3',
      '+1 提前：2024、2025年连续优秀，第1次（共2次）',
    ]);

    await wrapper.get('[data-test="proposal-filter-early"] input').setValue(true);
    await flushPromises();
    expect(listProposals).toHaveBeenLastCalledWith(7, 'early', { page: 1, page_size: 20 });
    wrapper.unmount();
  });

  it('lets a street review its part and the district approve', async () => {
    vi.mocked(reviewRun).mockResolvedValue(
      aRun({ streets: [{ ...aRun().streets[0]!, reviewed_at: '2026-01-03T01:00:00Z' }] }),
    );
    vi.mocked(approveRun).mockResolvedValue(aRun({ status: 'approved' }));
    vi.spyOn(ElMessageBox, 'confirm').mockResolvedValue({
      value: '',
      action: 'confirm',
    } as MessageBoxData);
    const { wrapper } = await mountPage(district);
    await wrapper.get('[data-test="run-open"]').trigger('click');
    await flushPromises();

    await wrapper.get('[data-test="street-review"]').trigger('click');
    await flushPromises();
    expect(reviewRun).toHaveBeenCalledWith(7, 5);
    expect(wrapper.find('[data-test="street-review"]').exists()).toBe(false);

    await wrapper.get('[data-test="run-approve"]').trigger('click');
    await flushPromises();
    expect(approveRun).toHaveBeenCalledWith(7);
    expect(wrapper.get('[data-test="run-title"]').text()).toContain('已审批');
    expect(wrapper.find('[data-test="run-revert"]').exists()).toBe(true);
    wrapper.unmount();
  });

  it('shows a street neither the compute form nor the approval', async () => {
    const street: User = { ...streetAdmin, permissions: ['workforce:read', 'workforce:write'] };
    const { wrapper } = await mountPage(street);
    await wrapper.get('[data-test="run-open"]').trigger('click');
    await flushPromises();

    expect(wrapper.find('[data-test="regrading-form"]').exists()).toBe(false);
    expect(wrapper.find('[data-test="run-approve"]').exists()).toBe(false);
    expect(wrapper.find('[data-test="street-review"]').exists()).toBe(true);
    wrapper.unmount();
  });
});
