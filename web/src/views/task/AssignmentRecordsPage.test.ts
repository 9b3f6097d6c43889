import { flushPromises } from '@vue/test-utils';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { getOrg } from '@/api/org';
import { listAssignments } from '@/api/task';
import { useSessionStore } from '@/stores/session';
import { anAssignment, anOrg, streetStaff } from '@/testing/fixtures';
import { createTestPlugins, mountAtRoute } from '@/testing/plugins';
import AssignmentRecordsPage from './AssignmentRecordsPage.vue';

vi.mock('@/api/task', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@/api/task')>()),
  listAssignments: vi.fn(),
}));
vi.mock('@/api/org', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@/api/org')>()),
  getOrg: vi.fn(),
}));

beforeEach(() => {
  vi.mocked(listAssignments).mockReset();
  vi.mocked(getOrg).mockReset();
  vi.mocked(getOrg).mockResolvedValue(anOrg({ id: 6, name: '和平里社区', level: 'community' }));
  vi.mocked(listAssignments).mockResolvedValue({
    items: [anAssignment({ overdue: true, overdue_days: 2 })],
    total: 1,
    page: 1,
    page_size: 50,
  });
});

describe('AssignmentRecordsPage', () => {
  it('lists the nodes a bulletin number counts, with the conditions spelled out', async () => {
    const { plugins } = createTestPlugins();
    useSessionStore().$patch({ user: streetStaff, csrfToken: 'csrf', restored: true });
    const { wrapper } = await mountAtRoute(
      AssignmentRecordsPage,
      '/tasks/records',
      '/tasks/records?org=6&subtree=1&state=overdue&deadline_from=2026-01-01&deadline_to=2026-03-31&as_of=2026-04-01T02:00:00Z',
      plugins,
    );
    await flushPromises();

    expect(listAssignments).toHaveBeenCalledWith({
      org: 6,
      subtree: true,
      state: 'overdue',
      deadline_from: '2026-01-01',
      deadline_to: '2026-03-31',
      as_of: '2026-04-01T02:00:00Z',
      page: 1,
      page_size: 50,
    });
    const conditions = wrapper.get('[data-test="records-conditions"]').text();
    expect(conditions).toContain('和平里社区及其下级');
    expect(conditions).toContain('截止日期 2026-01-01 至 2026-03-31');
    expect(conditions).toContain('状态：逾期未完成');
    expect(conditions).toContain('统计截至 2026-04-01 10:00');
    expect(wrapper.get('[data-test="assignment-link"]').attributes('href')).toBe(
      '/tasks/assignments/12',
    );
    expect(wrapper.get('[data-test="overdue-tag"]').text()).toBe('逾期 2 天');
    wrapper.unmount();
  });
});
