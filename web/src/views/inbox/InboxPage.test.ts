import { flushPromises } from '@vue/test-utils';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import {
  getUnreadCount,
  listNotifications,
  markAllNotificationsRead,
  markNotificationRead,
} from '@/api/notification';
import { useInboxStore } from '@/stores/inbox';
import { useSessionStore } from '@/stores/session';
import { aNotification, communityStaff } from '@/testing/fixtures';
import { createTestPlugins, mountAtRoute } from '@/testing/plugins';
import InboxPage from './InboxPage.vue';

vi.mock('@/api/notification', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@/api/notification')>()),
  listNotifications: vi.fn(),
  markNotificationRead: vi.fn(),
  markAllNotificationsRead: vi.fn(),
  getUnreadCount: vi.fn(),
}));

async function mountPage() {
  const { plugins } = createTestPlugins();
  useSessionStore().$patch({ user: communityStaff, csrfToken: 'csrf', restored: true });
  const mounted = await mountAtRoute(InboxPage, '/inbox', '/inbox', plugins);
  await flushPromises();
  return mounted;
}

beforeEach(() => {
  for (const mock of [
    listNotifications,
    markNotificationRead,
    markAllNotificationsRead,
    getUnreadCount,
  ]) {
    vi.mocked(mock).mockReset();
  }
  vi.mocked(listNotifications).mockResolvedValue({
    items: [
      aNotification(),
      aNotification({
        id: 51,
        kind: 'supervision',
        title: '督办：冬训进度滞后',
        link: '/supervisions/9',
        read: true,
      }),
    ],
    total: 2,
    page: 1,
    page_size: 20,
    unread: 1,
  });
  vi.mocked(markNotificationRead).mockResolvedValue(undefined);
  vi.mocked(markAllNotificationsRead).mockResolvedValue(undefined);
  vi.mocked(getUnreadCount).mockResolvedValue(0);
});

describe('InboxPage', () => {
  it('lists messages with their kind, unread ones in bold', async () => {
    const { wrapper } = await mountPage();

    expect(wrapper.findAll('[data-test="inbox-kind"]').map((tag) => tag.text())).toEqual([
      '任务下达',
      '督办',
    ]);
    const titles = wrapper.findAll('[data-test="inbox-title"]');
    expect(titles[0]?.classes()).toContain('unread');
    expect(titles[1]?.classes()).not.toContain('unread');
    expect(wrapper.get('[data-test="inbox-total"]').text()).toBe('共 2 条，未读 1 条');
    wrapper.unmount();
  });

  it('marks an unread message read on click, updates the badge and follows its link', async () => {
    const { wrapper, router } = await mountPage();
    useInboxStore().unread = 1;

    await wrapper.get('[data-test="inbox-table"] .el-table__row').trigger('click');
    await flushPromises();

    expect(markNotificationRead).toHaveBeenCalledWith(50);
    expect(getUnreadCount).toHaveBeenCalled();
    expect(useInboxStore().unread).toBe(0);
    expect(router.currentRoute.value.fullPath).toBe('/tasks/assignments/12');
    wrapper.unmount();
  });

  it('does not mark a read message again', async () => {
    const { wrapper, router } = await mountPage();

    await wrapper.findAll('[data-test="inbox-table"] .el-table__row')[1]?.trigger('click');
    await flushPromises();

    expect(markNotificationRead).not.toHaveBeenCalled();
    expect(router.currentRoute.value.fullPath).toBe('/supervisions/9');
    wrapper.unmount();
  });

  it('marks all read and shows only unread ones on request', async () => {
    const { wrapper } = await mountPage();

    await wrapper.get('[data-test="inbox-read-all"]').trigger('click');
    await flushPromises();
    expect(markAllNotificationsRead).toHaveBeenCalled();

    await wrapper.get('[data-test="inbox-unread-only"]').trigger('click');
    await flushPromises();
    expect(listNotifications).toHaveBeenLastCalledWith({ unread: true, page: 1, page_size: 20 });
    wrapper.unmount();
  });
});
