import { flushPromises } from '@vue/test-utils';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { listDutyItems } from '@/api/duty';
import type { User } from '@/api/session';
import { createSupervision, listSupervisions } from '@/api/supervision';
import { listAssignments } from '@/api/task';
import { useSessionStore } from '@/stores/session';
import { aSupervision, anAssignment, communityStaff, streetStaff } from '@/testing/fixtures';
import { createTestPlugins, mountAtRoute, pickValue } from '@/testing/plugins';
import SupervisionListPage from './SupervisionListPage.vue';

vi.mock('@/api/supervision', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@/api/supervision')>()),
  listSupervisions: vi.fn(),
  createSupervision: vi.fn(),
}));
vi.mock('@/api/task', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@/api/task')>()),
  listAssignments: vi.fn(),
}));
vi.mock('@/api/duty', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@/api/duty')>()),
  listDutyItems: vi.fn(),
}));

async function mountPage(user: User, path = '/supervisions') {
  const { plugins } = createTestPlugins();
  useSessionStore().$patch({ user, csrfToken: 'csrf', restored: true });
  const mounted = await mountAtRoute(SupervisionListPage, '/supervisions', path, plugins);
  await flushPromises();
  return mounted;
}

beforeEach(() => {
  vi.mocked(listSupervisions).mockReset();
  vi.mocked(createSupervision).mockReset();
  vi.mocked(listDutyItems).mockReset();
  vi.mocked(listDutyItems).mockResolvedValue([]);
  vi.mocked(listAssignments).mockReset();
  vi.mocked(listAssignments).mockResolvedValue({
    items: [anAssignment({ id: 12, deadline: '2026-01-20', state: 'open' })],
    total: 1,
    page: 1,
    page_size: 100,
  });
  vi.mocked(listSupervisions).mockResolvedValue({
    items: [aSupervision({ overdue: true })],
    total: 1,
    page: 1,
    page_size: 20,
  });
});

describe('SupervisionListPage', () => {
  it('shows what the org issued, with the state and 已超期 in red', async () => {
    const { wrapper } = await mountPage(streetStaff);

    expect(listSupervisions).toHaveBeenCalledWith({
      view: 'issued',
      state: undefined,
      org: undefined,
      as_of: undefined,
      page: 1,
      page_size: 20,
    });
    expect(wrapper.get('[data-test="supervision-link"]').attributes('href')).toBe(
      '/supervisions/9',
    );
    expect(wrapper.get('[data-test="supervision-state"]').text()).toBe('待整改');
    expect(wrapper.get('[data-test="supervision-overdue"]').text()).toBe('已超期');
    wrapper.unmount();
  });

  it('filters by what was received and by state', async () => {
    const { wrapper } = await mountPage(streetStaff);

    await wrapper.get('[data-test="supervision-view-received"] input').setValue(true);
    await flushPromises();
    expect(listSupervisions).toHaveBeenLastCalledWith(
      expect.objectContaining({ view: 'received' }),
    );

    await pickValue(wrapper, 'ElSelect', '[data-test="supervision-state-filter"]', 'answered');
    await flushPromises();
    expect(listSupervisions).toHaveBeenLastCalledWith(
      expect.objectContaining({ view: 'received', state: 'answered' }),
    );
    wrapper.unmount();
  });

  it('opens on what was received, without 发起督办, for an org that cannot supervise', async () => {
    const { wrapper } = await mountPage(communityStaff);

    expect(listSupervisions).toHaveBeenCalledWith(expect.objectContaining({ view: 'received' }));
    expect(wrapper.find('[data-test="supervision-create"]').exists()).toBe(false);
    wrapper.unmount();
  });

  it('follows the drill-down of a bulletin: an org subtree as of a time', async () => {
    const { wrapper } = await mountPage(
      streetStaff,
      '/supervisions?view=all&org=6&state=unclosed&as_of=2026-04-01T02:00:00Z',
    );

    expect(listSupervisions).toHaveBeenCalledWith(
      expect.objectContaining({
        view: 'all',
        org: 6,
        state: 'unclosed',
        as_of: '2026-04-01T02:00:00Z',
      }),
    );
    expect(wrapper.text()).toContain('统计截至 2026-04-01 10:00');
    wrapper.unmount();
  });

  it('starts a supervision of an org below and opens it', async () => {
    vi.mocked(createSupervision).mockResolvedValue(aSupervision({ id: 11 }));
    const { wrapper, router } = await mountPage(streetStaff);

    await wrapper.get('[data-test="supervision-create"]').trigger('click');
    await flushPromises();
    await wrapper.get('[data-test="supervision-form-submit"]').trigger('click');
    await vi.waitFor(() => expect(wrapper.text()).toContain('请选择督办对象'));
    expect(createSupervision).not.toHaveBeenCalled();

    await pickValue(wrapper, 'ElSelect', '[data-test="supervision-target"]', 6);
    // The task is picked among the target's own parts of tasks, not typed as a number.
    expect(listAssignments).toHaveBeenLastCalledWith({ org: 6, page_size: 100 });
    await pickValue(wrapper, 'ElSelect', '[data-test="supervision-assignment"]', 12);
    await wrapper.get('[data-test="supervision-title"]').setValue('冬训进度滞后');
    await wrapper.get('[data-test="supervision-requirement"]').setValue('一周内补齐集中学习');
    await pickValue(wrapper, 'ElDatePicker', '[name="supervision-deadline"]', '2026-02-15');
    await wrapper.get('[data-test="supervision-form-submit"]').trigger('click');
    await flushPromises();

    expect(createSupervision).toHaveBeenCalledWith({
      target_org_id: 6,
      assignment_id: 12,
      title: '冬训进度滞后',
      requirement: '一周内补齐集中学习',
      deadline: '2026-02-15',
    });
    expect(router.currentRoute.value.fullPath).toBe('/supervisions/11');
    wrapper.unmount();
  });
});
