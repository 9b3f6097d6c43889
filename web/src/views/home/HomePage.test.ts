import { flushPromises, mount, RouterLinkStub } from '@vue/test-utils';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '@/api/client';
import { getOrgStats } from '@/api/org';
import type { Locale } from '@/locales';
import { useSessionStore } from '@/stores/session';
import type { User } from '@/api/session';
import { auditAdmin, securityAdmin, streetAdmin } from '@/testing/fixtures';
import { createTestPlugins } from '@/testing/plugins';
import HomePage from './HomePage.vue';

vi.mock('@/api/org', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@/api/org')>()),
  getOrgStats: vi.fn(),
}));

async function mountHome(locale: Locale = 'zh-CN', user: User = streetAdmin) {
  const { plugins } = createTestPlugins(locale);
  useSessionStore().$patch({ user, csrfToken: 'csrf', restored: true });
  const wrapper = mount(HomePage, { global: { plugins, stubs: { RouterLink: RouterLinkStub } } });
  await flushPromises();
  return wrapper;
}

// A returned function would be taken as a teardown hook, hence the braces.
beforeEach(() => {
  vi.mocked(getOrgStats).mockReset();
});

describe('HomePage', () => {
  it("shows the user's org path and the counts per level below it", async () => {
    vi.mocked(getOrgStats).mockResolvedValue({
      org_id: 5,
      total: 9,
      by_level: [
        { level: 'community', count: 3 },
        { level: 'grid', count: 6 },
      ],
    });

    const wrapper = await mountHome();

    expect(getOrgStats).toHaveBeenCalledWith(5);
    expect(wrapper.get('[data-test="org-path"]').text()).toBe('示范市 / 东城区 / 和平街道');
    expect(wrapper.get('[data-test="count-community"]').text()).toBe('3');
    expect(wrapper.get('[data-test="count-grid"]').text()).toBe('6');
    expect(wrapper.get('[data-test="count-total"]').text()).toBe('9');
    expect(wrapper.find('[data-test="count-street"]').exists()).toBe(false);
    expect(wrapper.text()).toContain('社区');
    expect(wrapper.text()).toContain('网格');
  });

  it('shows 0 for a level with no organisations, labelled in English when chosen', async () => {
    vi.mocked(getOrgStats).mockResolvedValue({
      org_id: 5,
      total: 3,
      by_level: [{ level: 'community', count: 3 }],
    });

    const wrapper = await mountHome('en');

    expect(wrapper.get('[data-test="count-grid"]').text()).toBe('0');
    expect(wrapper.text()).toContain('Community');
    expect(wrapper.text()).toContain('Grid');
    expect(wrapper.text()).toContain('Total');
  });

  it('shows the mapped message when the counts cannot be loaded', async () => {
    vi.mocked(getOrgStats).mockRejectedValue(
      new ApiError({ status: 404, code: 'org.not_found', message: 'x', requestId: 'r' }),
    );

    const wrapper = await mountHome();

    expect(wrapper.get('[data-test="home-error"]').text()).toContain('组织不存在');
    expect(wrapper.find('[data-test="count-total"]').exists()).toBe(false);
  });

  it.each([
    ['security', securityAdmin, ['/roles', '/settings'], '角色权限'],
    ['audit', auditAdmin, ['/audit'], '安全审计'],
  ])(
    'welcomes the %s administrator (no org:read) with links to their pages, asking for no counts',
    async (_duty, user, links, label) => {
      const wrapper = await mountHome('zh-CN', user);

      expect(getOrgStats).not.toHaveBeenCalled();
      expect(wrapper.find('[data-test="home-error"]').exists()).toBe(false);
      expect(wrapper.find('[data-test="org-counts"]').exists()).toBe(false);
      const welcome = wrapper.get('[data-test="home-welcome"]');
      expect(welcome.text()).toContain(`欢迎，${user.display_name}`);
      expect(welcome.text()).toContain(label);
      expect(wrapper.findAllComponents(RouterLinkStub).map((link) => link.props('to'))).toEqual(
        links,
      );
    },
  );
});
