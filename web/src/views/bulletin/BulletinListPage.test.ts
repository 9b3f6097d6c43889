import { flushPromises } from '@vue/test-utils';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '@/api/client';
import { createBulletin, listBulletins } from '@/api/bulletin';
import type { User } from '@/api/session';
import { useSessionStore } from '@/stores/session';
import { aBulletin, communityStaff, streetStaff } from '@/testing/fixtures';
import { createTestPlugins, mountAtRoute, pickValue } from '@/testing/plugins';
import BulletinListPage from './BulletinListPage.vue';

vi.mock('@/api/bulletin', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@/api/bulletin')>()),
  listBulletins: vi.fn(),
  createBulletin: vi.fn(),
}));

async function mountPage(user: User = streetStaff) {
  const { plugins } = createTestPlugins();
  useSessionStore().$patch({ user, csrfToken: 'csrf', restored: true });
  const mounted = await mountAtRoute(BulletinListPage, '/bulletins', '/bulletins', plugins);
  await flushPromises();
  return mounted;
}

beforeEach(() => {
  vi.mocked(listBulletins).mockReset();
  vi.mocked(createBulletin).mockReset();
  vi.mocked(listBulletins).mockResolvedValue({
    items: [
      aBulletin(),
      aBulletin({ id: 7, state: 'published', published_at: '2026-01-05T02:00:00Z' }),
    ],
    total: 2,
    page: 1,
    page_size: 20,
  });
});

describe('BulletinListPage', () => {
  it('lists bulletins with their state, linking to each', async () => {
    const { wrapper } = await mountPage();

    expect(listBulletins).toHaveBeenCalledWith({ page: 1, page_size: 20 });
    expect(
      wrapper.findAll('[data-test="bulletin-link"]').map((link) => link.attributes('href')),
    ).toEqual(['/bulletins/8', '/bulletins/7']);
    expect(wrapper.findAll('[data-test="bulletin-state"]').map((tag) => tag.text())).toEqual([
      '草稿',
      '已发布',
    ]);
    expect(wrapper.find('[data-test="bulletin-create"]').exists()).toBe(true);
    wrapper.unmount();
  });

  it('offers 生成通报 only with bulletin:write', async () => {
    const { wrapper } = await mountPage(communityStaff);
    expect(wrapper.find('[data-test="bulletin-create"]').exists()).toBe(false);
    wrapper.unmount();
  });

  it('checks the period, compiles the draft and opens it', async () => {
    vi.mocked(createBulletin).mockResolvedValue(aBulletin({ id: 9 }));
    const { wrapper, router } = await mountPage();

    await wrapper.get('[data-test="bulletin-create"]').trigger('click');
    await flushPromises();
    await wrapper.get('[data-test="bulletin-submit"]').trigger('click');
    await vi.waitFor(() => expect(wrapper.text()).toContain('请选择统计期间'));

    await pickValue(wrapper, 'ElDatePicker', '[name="bulletin-period-from"]', '2026-03-31');
    await pickValue(wrapper, 'ElDatePicker', '[name="bulletin-period-to"]', '2026-01-01');
    await wrapper.get('[data-test="bulletin-submit"]').trigger('click');
    await vi.waitFor(() => expect(wrapper.text()).toContain('结束日期不能早于开始日期'));
    expect(createBulletin).not.toHaveBeenCalled();

    await pickValue(wrapper, 'ElDatePicker', '[name="bulletin-period-from"]', '2026-01-01');
    await pickValue(wrapper, 'ElDatePicker', '[name="bulletin-period-to"]', '2026-03-31');
    await wrapper.get('[data-test="bulletin-submit"]').trigger('click');
    await flushPromises();

    expect(createBulletin).toHaveBeenCalledWith({
      period_from: '2026-01-01',
      period_to: '2026-03-31',
    });
    expect(router.currentRoute.value.path).toBe('/bulletins/9');
    wrapper.unmount();
  });

  it('shows why the server refused the period', async () => {
    vi.mocked(createBulletin).mockRejectedValue(
      new ApiError({ status: 400, code: 'bulletin.invalid_period', message: 'x', requestId: 'r' }),
    );
    const { wrapper } = await mountPage();

    await wrapper.get('[data-test="bulletin-create"]').trigger('click');
    await flushPromises();
    await pickValue(wrapper, 'ElDatePicker', '[name="bulletin-period-from"]', '2026-01-01');
    await pickValue(wrapper, 'ElDatePicker', '[name="bulletin-period-to"]', '2026-03-31');
    await wrapper.get('[data-test="bulletin-title"]').setValue('一季度通报');
    await wrapper.get('[data-test="bulletin-submit"]').trigger('click');
    await flushPromises();

    expect(createBulletin).toHaveBeenCalledWith(expect.objectContaining({ title: '一季度通报' }));
    expect(wrapper.get('[data-test="bulletin-error"]').text()).toContain('统计期间无效');
    wrapper.unmount();
  });
});
