import { flushPromises, mount } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { h, type Component } from 'vue';
import { createMemoryHistory, createRouter, RouterView } from 'vue-router';
import { getUnreadCount } from '@/api/notification';
import { deleteSession } from '@/api/session';
import type { User } from '@/api/session';
import { UNREAD_POLL_MS } from '@/stores/inbox';
import { useSessionStore } from '@/stores/session';
import { streetAdmin, streetStaff } from '@/testing/fixtures';
import { createTestPlugins } from '@/testing/plugins';
import AppLayout from './AppLayout.vue';

vi.mock('@/api/notification', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@/api/notification')>()),
  getUnreadCount: vi.fn(),
}));
vi.mock('@/api/session', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@/api/session')>()),
  deleteSession: vi.fn(),
}));

const blank: Component = { render: () => null };

async function mountLayout(user: User) {
  const { plugins } = createTestPlugins();
  useSessionStore().$patch({ user, csrfToken: 'csrf', restored: true });
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      {
        path: '/',
        component: AppLayout,
        children: [
          { path: '', component: blank },
          { path: 'tasks', component: blank },
          { path: 'inbox', component: blank },
        ],
      },
      { path: '/login', name: 'login', component: blank },
    ],
  });
  await router.push('/');
  await router.isReady();
  const host: Component = { render: () => h(RouterView) };
  const wrapper = mount(host, { global: { plugins: [...plugins, router] } });
  await flushPromises();
  return { wrapper, router };
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
  vi.mocked(getUnreadCount).mockReset();
  vi.mocked(getUnreadCount).mockResolvedValue(3);
  vi.mocked(deleteSession).mockReset();
  vi.mocked(deleteSession).mockResolvedValue(undefined);
});

afterEach(() => {
  vi.useRealTimers();
});

describe('AppLayout', () => {
  it('shows the unread count on the bell, which leads to the inbox', async () => {
    const { wrapper, router } = await mountLayout(streetStaff);

    expect(wrapper.get('[data-test="inbox-badge"]').text()).toContain('3');
    await wrapper.get('[data-test="inbox-link"]').trigger('click');
    await flushPromises();
    expect(router.currentRoute.value.path).toBe('/inbox');
    wrapper.unmount();
  });

  it('asks again every minute and after each move, and stops on logout', async () => {
    const { wrapper, router } = await mountLayout(streetStaff);
    expect(getUnreadCount).toHaveBeenCalledTimes(1);

    vi.mocked(getUnreadCount).mockResolvedValue(5);
    vi.advanceTimersByTime(UNREAD_POLL_MS);
    await flushPromises();
    expect(getUnreadCount).toHaveBeenCalledTimes(2);
    expect(wrapper.get('[data-test="inbox-badge"]').text()).toContain('5');

    await router.push('/tasks');
    await flushPromises();
    expect(getUnreadCount).toHaveBeenCalledTimes(3);

    await wrapper.get('[data-test="logout"]').trigger('click');
    await flushPromises();
    vi.advanceTimersByTime(3 * UNREAD_POLL_MS);
    await flushPromises();
    expect(getUnreadCount).toHaveBeenCalledTimes(3);
    expect(router.currentRoute.value.path).toBe('/login');
    wrapper.unmount();
  });

  it('shows no bell and asks nothing of a user without notification:read', async () => {
    const { wrapper } = await mountLayout(streetAdmin);

    expect(wrapper.find('[data-test="inbox-badge"]').exists()).toBe(false);
    vi.advanceTimersByTime(UNREAD_POLL_MS);
    expect(getUnreadCount).not.toHaveBeenCalled();
    wrapper.unmount();
  });

  it('puts the menu and the account actions behind a menu button on a phone, closed by a move', async () => {
    vi.stubGlobal(
      'matchMedia',
      vi.fn(() => ({ matches: true, addEventListener() {}, removeEventListener() {} })),
    );
    const { wrapper, router } = await mountLayout(streetStaff);

    expect(wrapper.find('.app-aside').exists()).toBe(false);
    expect(wrapper.find('[data-test="change-password"]').exists()).toBe(false);
    const button = wrapper.get('[data-test="menu-button"]');
    expect(button.attributes('aria-label')).toBe('菜单');
    expect(button.attributes('aria-expanded')).toBe('false');

    await button.trigger('click');
    await flushPromises();
    expect(button.attributes('aria-expanded')).toBe('true');
    const drawer = document.querySelector('[data-test="menu-drawer"]');
    expect(drawer?.querySelector('[data-test="app-menu"]')).not.toBeNull();
    expect(drawer?.querySelector('[data-test="change-password"]')).not.toBeNull();

    await router.push('/tasks');
    await flushPromises();
    expect(button.attributes('aria-expanded')).toBe('false');
    wrapper.unmount();
  });

  it('shows the menu beside the page and no menu button on a wider screen', async () => {
    const { wrapper } = await mountLayout(streetStaff);

    expect(wrapper.find('.app-aside [data-test="app-menu"]').exists()).toBe(true);
    expect(wrapper.find('[data-test="menu-button"]').exists()).toBe(false);
    expect(wrapper.find('[data-test="change-password"]').exists()).toBe(true);
    wrapper.unmount();
  });
});
