import { flushPromises } from '@vue/test-utils';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { listDutyItems } from '@/api/duty';
import type { User } from '@/api/session';
import {
  createAccountability,
  listAccountabilities,
  listSupervisions,
  type Accountability,
} from '@/api/supervision';
import { useSessionStore } from '@/stores/session';
import { aSupervision, cityStaff } from '@/testing/fixtures';
import { createTestPlugins, mountAtRoute, pickValue } from '@/testing/plugins';
import AccountabilityPage from './AccountabilityPage.vue';

vi.mock('@/api/supervision', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@/api/supervision')>()),
  listAccountabilities: vi.fn(),
  createAccountability: vi.fn(),
  listSupervisions: vi.fn(),
}));
vi.mock('@/api/duty', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@/api/duty')>()),
  listDutyItems: vi.fn(),
}));

const RECORD: Accountability = {
  id: 2,
  org: { id: 2, name: '东城区', level: 'district' },
  target: { id: 5, name: '和平街道', level: 'street' },
  assignment: null,
  supervision: { id: 9, title: '冬训进度滞后' },
  duty_item: null,
  measure: '通报批评',
  subject: '和平街道党工委',
  reason: '督办逾期未整改',
  decided_on: '2026-03-01',
  created_at: '2026-03-01T02:00:00Z',
};

async function mountPage(user: User = cityStaff) {
  const { plugins } = createTestPlugins();
  useSessionStore().$patch({ user, csrfToken: 'csrf', restored: true });
  const { wrapper } = await mountAtRoute(
    AccountabilityPage,
    '/accountabilities',
    '/accountabilities',
    plugins,
  );
  await flushPromises();
  return wrapper;
}

beforeEach(() => {
  vi.mocked(listSupervisions).mockReset();
  vi.mocked(listSupervisions).mockResolvedValue({
    items: [aSupervision({ id: 9 })],
    total: 1,
    page: 1,
    page_size: 100,
  });
  vi.mocked(listAccountabilities).mockReset();
  vi.mocked(createAccountability).mockReset();
  vi.mocked(listDutyItems).mockReset();
  vi.mocked(listDutyItems).mockResolvedValue([]);
  vi.mocked(listAccountabilities).mockResolvedValue({
    items: [RECORD],
    total: 1,
    page: 1,
    page_size: 20,
  });
});

describe('AccountabilityPage', () => {
  it('lists the records with a link to what failed', async () => {
    const wrapper = await mountPage();

    expect(listAccountabilities).toHaveBeenCalledWith({ page: 1, page_size: 20 });
    const table = wrapper.get('[data-test="accountability-table"]').text();
    expect(table).toContain('和平街道');
    expect(table).toContain('通报批评');
    expect(wrapper.get('[data-test="accountability-links"] a').attributes('href')).toBe(
      '/supervisions/9',
    );
    wrapper.unmount();
  });

  it('offers 新增 only with accountability:write', async () => {
    const reader = await mountPage({
      ...cityStaff,
      permissions: cityStaff.permissions.filter((p) => p !== 'accountability:write'),
    });
    expect(reader.find('[data-test="accountability-create"]').exists()).toBe(false);
    reader.unmount();
  });

  it('needs at least one linked item, then sends the record', async () => {
    vi.mocked(createAccountability).mockResolvedValue(RECORD);
    const wrapper = await mountPage();

    await wrapper.get('[data-test="accountability-create"]').trigger('click');
    await flushPromises();
    await pickValue(wrapper, 'ElSelect', '[data-test="accountability-target"]', 5);
    await pickValue(wrapper, 'ElSelect', '[data-test="accountability-measure"]', '通报批评');
    await wrapper.get('[data-test="accountability-subject"]').setValue('和平街道党工委');
    await wrapper.get('[data-test="accountability-reason"]').setValue('督办逾期未整改');
    await pickValue(wrapper, 'ElDatePicker', '[name="accountability-decided-on"]', '2026-03-01');
    await wrapper.get('[data-test="accountability-submit"]').trigger('click');
    await vi.waitFor(() =>
      expect(wrapper.text()).toContain('请至少关联一项：任务节点、督办或责任清单'),
    );
    expect(createAccountability).not.toHaveBeenCalled();

    expect(listSupervisions).toHaveBeenLastCalledWith({ org: 5, view: 'received', page_size: 100 });
    await pickValue(wrapper, 'ElSelect', '[data-test="accountability-supervision"]', 9);
    await wrapper.get('[data-test="accountability-submit"]').trigger('click');
    await flushPromises();

    expect(createAccountability).toHaveBeenCalledWith({
      target_org_id: 5,
      supervision_id: 9,
      measure: '通报批评',
      subject: '和平街道党工委',
      reason: '督办逾期未整改',
      decided_on: '2026-03-01',
    });
    expect(listAccountabilities).toHaveBeenCalledTimes(2);
    wrapper.unmount();
  });
});
