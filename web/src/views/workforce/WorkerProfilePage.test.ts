import { flushPromises } from '@vue/test-utils';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { User } from '@/api/session';
import { addAppraisal, getWorker, type Worker } from '@/api/workforce';
import { useSessionStore } from '@/stores/session';
import { streetAdmin } from '@/testing/fixtures';
import { createTestPlugins, mountAtRoute } from '@/testing/plugins';
import WorkerProfilePage from './WorkerProfilePage.vue';

vi.mock('@/api/workforce', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@/api/workforce')>()),
  getWorker: vi.fn(),
  addAppraisal: vi.fn(),
}));

const street: User = {
  ...streetAdmin,
  permissions: ['workforce:read', 'workforce:write', 'workforce:appraise'],
};

const WORKER: Worker = {
  id: 31,
  org: { id: 9, name: '和平里社区' },
  name: '李秀英',
  gender: 'female',
  birth_year: '1985',
  id_number: '110101********1234',
  phone: '138****8000',
  post: 'staff',
  post_name: '其他工作人员',
  grade: 6,
  grade_since: '2026-01-01',
  early_steps_used: 0,
  service_start: '2015-03-01',
  education: 'bachelor',
  status: 'in_post',
  member: null,
  pay: { base_pay: 350000, allowance: 20000, total: 370000 },
  events: [
    {
      id: 2,
      kind: 'regrading',
      effective_on: '2026-01-01',
      from: '5',
      to: '6',
      regrading_run_id: 7,
      explanation: '+1：自2023-01-01起满三年，考核称职×3',
      created_at: '2026-01-02T01:00:00Z',
    },
    {
      id: 1,
      kind: 'created',
      effective_on: '2015-03-01',
      from: '',
      to: 'staff:5',
      regrading_run_id: null,
      explanation: '',
      created_at: '2025-01-02T01:00:00Z',
    },
  ],
  appraisals: [{ year: 2025, result: 'competent' }],
};

async function mountPage(user: User) {
  const { plugins } = createTestPlugins();
  useSessionStore().$patch({ user, csrfToken: 'csrf', restored: true });
  const mounted = await mountAtRoute(WorkerProfilePage, '/workers/:id', '/workers/31', plugins);
  await flushPromises();
  return mounted;
}

beforeEach(() => {
  vi.mocked(getWorker).mockReset().mockResolvedValue(WORKER);
  vi.mocked(addAppraisal).mockReset();
});

describe('WorkerProfilePage', () => {
  it('shows the masked person, the pay and the timeline with the regrading explained', async () => {
    const { wrapper } = await mountPage(street);

    expect(getWorker).toHaveBeenCalledWith(31);
    expect(wrapper.get('[data-test="worker-basics"]').text()).toContain('110101********1234');
    expect(wrapper.get('[data-test="worker-pay"]').text()).toContain('3700.00');
    const events = wrapper.findAll('[data-test="worker-event"]').map((e) => e.text());
    expect(events[0]).toContain('定期调级');
    expect(events[0]).toContain('+1：自2023-01-01起满三年，考核称职×3');
    expect(events[1]).toContain('其他工作人员 5 级');
    wrapper.unmount();
  });

  it('records an appraisal', async () => {
    vi.mocked(addAppraisal).mockResolvedValue({
      ...WORKER,
      appraisals: [{ year: 2025, result: 'excellent' }],
    });
    const { wrapper } = await mountPage(street);
    await wrapper.get('[data-test="appraisal-form"]').trigger('submit');
    await flushPromises();
    expect(addAppraisal).toHaveBeenCalledWith(31, expect.any(Number), 'competent');
    expect(wrapper.get('[data-test="appraisal-table"]').text()).toContain('优秀');
    wrapper.unmount();
  });
});
