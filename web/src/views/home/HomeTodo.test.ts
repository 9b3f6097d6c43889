import { flushPromises, mount, RouterLinkStub } from '@vue/test-utils';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { getUnreadCount } from '@/api/notification';
import type { User } from '@/api/session';
import { listRequests } from '@/api/request';
import { listSupervisions } from '@/api/supervision';
import { listAssignments, listReviews } from '@/api/task';
import { useSessionStore } from '@/stores/session';
import { communityStaff, securityAdmin, streetStaff } from '@/testing/fixtures';
import { createTestPlugins } from '@/testing/plugins';
import HomeTodo from './HomeTodo.vue';

vi.mock('@/api/task', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@/api/task')>()),
  listAssignments: vi.fn(),
  listReviews: vi.fn(),
}));
vi.mock('@/api/supervision', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@/api/supervision')>()),
  listSupervisions: vi.fn(),
}));
vi.mock('@/api/request', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@/api/request')>()),
  listRequests: vi.fn(),
}));
vi.mock('@/api/notification', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@/api/notification')>()),
  getUnreadCount: vi.fn(),
}));

const page = (total: number) => ({ items: [], total, page: 1, page_size: 1 });

async function mountTodo(user: User) {
  const { plugins } = createTestPlugins();
  useSessionStore().$patch({ user, csrfToken: 'csrf', restored: true });
  const wrapper = mount(HomeTodo, { global: { plugins, stubs: { RouterLink: RouterLinkStub } } });
  await flushPromises();
  return wrapper;
}

function linkOf(wrapper: ReturnType<typeof mount>, key: string): unknown {
  return wrapper
    .findAllComponents(RouterLinkStub)
    .find((link) => link.attributes('data-test') === `todo-${key}`)
    ?.props('to');
}

beforeEach(() => {
  vi.mocked(listAssignments).mockReset().mockResolvedValue(page(2));
  vi.mocked(listReviews).mockReset().mockResolvedValue(page(3));
  vi.mocked(listSupervisions).mockReset().mockResolvedValue(page(1));
  vi.mocked(getUnreadCount).mockReset().mockResolvedValue(7);
  vi.mocked(listRequests).mockReset().mockResolvedValue(page(4));
});

describe('HomeTodo', () => {
  it("counts the user's own to-do by the very lists its links open", async () => {
    const wrapper = await mountTodo(streetStaff);

    expect(listAssignments).toHaveBeenCalledWith({
      executing: true,
      state: 'to_report',
      page_size: 1,
    });
    expect(listSupervisions).toHaveBeenCalledWith({
      view: 'received',
      state: 'open',
      page_size: 1,
    });
    expect(wrapper.get('[data-test="todo-tasks-count"]').text()).toBe('2');
    expect(wrapper.get('[data-test="todo-reviews-count"]').text()).toBe('3');
    expect(wrapper.get('[data-test="todo-supervisions-count"]').text()).toBe('1');
    expect(wrapper.get('[data-test="todo-unread-count"]').text()).toBe('7');
    expect(linkOf(wrapper, 'tasks')).toBe('/tasks?todo=to_report');
    expect(linkOf(wrapper, 'reviews')).toBe('/reviews');
    expect(linkOf(wrapper, 'supervisions')).toBe('/supervisions?view=received&state=open');
    expect(linkOf(wrapper, 'unread')).toBe('/inbox');
  });

  it('shows only what the user may do, and a dash for a count it could not read', async () => {
    vi.mocked(listAssignments).mockRejectedValue(new Error('offline'));
    const wrapper = await mountTodo(communityStaff);

    expect(wrapper.find('[data-test="todo-reviews"]').exists()).toBe(
      communityStaff.permissions.includes('task:review'),
    );
    expect(wrapper.get('[data-test="todo-tasks-count"]').text()).toBe('–');
  });

  it('is not shown to an administrator with no such work', async () => {
    const wrapper = await mountTodo(securityAdmin);
    expect(wrapper.find('[data-test="home-todo"]').exists()).toBe(false);
    expect(listAssignments).not.toHaveBeenCalled();
  });

  it("counts a request owner's queues to sign for and overdue, by the lists they open", async () => {
    const wrapper = await mountTodo({
      ...communityStaff,
      permissions: [...communityStaff.permissions, 'request:handle', 'request:read'],
    });

    expect(listRequests).toHaveBeenCalledWith({ queue: 'to_sign', page_size: 1 });
    expect(listRequests).toHaveBeenCalledWith({ queue: 'overdue', page_size: 1 });
    expect(listRequests).not.toHaveBeenCalledWith({ queue: 'to_rate', page_size: 1 });
    expect(wrapper.get('[data-test="todo-requests_to_sign-count"]').text()).toBe('4');
    expect(linkOf(wrapper, 'requests_overdue')).toBe('/requests?queue=overdue');
  });
});
