import { flushPromises, mount } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import { h, type Component } from 'vue';
import { createMemoryHistory, createRouter } from 'vue-router';
import { useSessionStore } from '@/stores/session';
import { streetAdmin } from '@/testing/fixtures';
import { createTestPlugins } from '@/testing/plugins';
import AppMenu from './AppMenu.vue';

const blank: Component = { render: () => h('div') };

async function mountMenu(path: string) {
  const { plugins } = createTestPlugins();
  useSessionStore().$patch({ user: streetAdmin, csrfToken: 'csrf', restored: true });
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [{ path: '/:any(.*)*', component: blank }],
  });
  await router.push(path);
  await router.isReady();
  const wrapper = mount(AppMenu, { global: { plugins: [...plugins, router] } });
  await flushPromises();
  return wrapper;
}

describe('AppMenu', () => {
  it('is a named nav of links, each in the Tab order', async () => {
    const wrapper = await mountMenu('/');

    const nav = wrapper.get('nav');
    expect(nav.attributes('aria-label')).toBe('主菜单');
    const links = nav.findAll('a');
    expect(links.map((link) => link.attributes('href'))).toContain('/members');
    expect(links.every((link) => link.attributes('tabindex') === undefined)).toBe(true);
  });

  it("marks the current page's entry, and the list's entry on a page below it", async () => {
    const wrapper = await mountMenu('/members/7');

    const current = wrapper.findAll('[aria-current="page"]');
    expect(current.map((link) => link.attributes('data-test'))).toEqual(['menu-members']);
    expect(wrapper.get('[data-test="menu-home"]').attributes('aria-current')).toBeUndefined();
  });
});
