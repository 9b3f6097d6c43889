import { flushPromises } from '@vue/test-utils';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { User } from '@/api/session';
import { listAssignments, listTasks } from '@/api/task';
import { useSessionStore } from '@/stores/session';
import { anAssignment, aTask, communityStaff } from '@/testing/fixtures';
import { createTestPlugins, mountAtRoute } from '@/testing/plugins';
import TaskListPage from './TaskListPage.vue';

vi.mock('@/api/task', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@/api/task')>()),
  listAssignments: vi.fn(),
  listTasks: vi.fn(),
}));

async function mountPage(user: User = communityStaff, path = '/tasks') {
  const { plugins } = createTestPlugins();
  useSessionStore().$patch({ user, csrfToken: 'csrf', restored: true });
  const { wrapper } = await mountAtRoute(TaskListPage, '/tasks', path, plugins);
  await flushPromises();
  return wrapper;
}

beforeEach(() => {
  vi.mocked(listAssignments).mockReset();
  vi.mocked(listTasks).mockReset();
  vi.mocked(listAssignments).mockResolvedValue({
    items: [
      anAssignment(),
      anAssignment({ id: 14, state: 'returned', overdue: true, overdue_days: 3, progress: 10 }),
    ],
    total: 2,
    page: 1,
    page_size: 20,
  });
  vi.mocked(listTasks).mockResolvedValue({ items: [aTask()], total: 1, page: 1, page_size: 20 });
});

describe('TaskListPage', () => {
  it("lists my org's to-do with links, states and the days overdue in red", async () => {
    const wrapper = await mountPage();

    expect(listAssignments).toHaveBeenCalledWith({ page: 1, page_size: 20 });
    const links = wrapper.findAll('[data-test="assignment-link"]');
    expect(links.map((link) => link.attributes('href'))).toEqual([
      '/tasks/assignments/12',
      '/tasks/assignments/14',
    ]);
    expect(links[0]?.text()).toBe('开展党员冬训');
    expect(wrapper.findAll('[data-test="state-tag"]').map((tag) => tag.text())).toEqual([
      '办理中',
      '已退回',
    ]);
    const overdue = wrapper.findAll('[data-test="overdue-tag"]');
    expect(overdue.map((tag) => tag.text())).toEqual(['逾期 3 天']);
    expect(overdue[0]?.classes()).toContain('el-tag--danger');
    expect(wrapper.findAll('[data-test="assignment-progress"]')[0]?.text()).toContain('40%');
    wrapper.unmount();
  });

  it('lists the tasks my org issued on the second tab, linking to their root', async () => {
    const wrapper = await mountPage();

    await wrapper.get('#tab-issued').trigger('click');
    await flushPromises();

    expect(listTasks).toHaveBeenCalledWith({ page: 1, page_size: 20 });
    expect(wrapper.get('[data-test="task-link"]').attributes('href')).toBe('/tasks/assignments/10');
    expect(wrapper.get('[data-test="task-overdue-count"]').text()).toBe('1');
    // The orgs the task reached, once each, opening the very nodes counted.
    const executing = wrapper.get('[data-test="task-executing-count"]');
    expect(executing.text()).toBe('4');
    expect(executing.attributes('href')).toBe('/tasks/records?org=5&subtree=1&executing=1&task=3');
    wrapper.unmount();
  });

  it("narrows the to-do to the parts to report, as the home page's count opens it", async () => {
    const wrapper = await mountPage(communityStaff, '/tasks?todo=to_report');

    expect(listAssignments).toHaveBeenCalledWith({
      page: 1,
      page_size: 20,
      executing: true,
      state: 'to_report',
    });
    expect(wrapper.get('[data-test="todo-filter"] .is-active').text()).toBe('待上报');
    wrapper.unmount();
  });

  it('offers 下达任务 only to users holding task:assign', async () => {
    const issuer = await mountPage();
    expect(issuer.get('[data-test="task-issue"]').text()).toBe('下达任务');
    issuer.unmount();

    const readOnly = await mountPage({
      ...communityStaff,
      permissions: communityStaff.permissions.filter((permission) => permission !== 'task:assign'),
    });
    expect(readOnly.find('[data-test="task-issue"]').exists()).toBe(false);
    readOnly.unmount();
  });
});
