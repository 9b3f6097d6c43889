import { flushPromises } from '@vue/test-utils';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { getBulletin } from '@/api/bulletin';
import { useSessionStore } from '@/stores/session';
import { aBulletin, streetStaff } from '@/testing/fixtures';
import { createTestPlugins, mountAtRoute } from '@/testing/plugins';
import BulletinPrintPage from './BulletinPrintPage.vue';

vi.mock('@/api/bulletin', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@/api/bulletin')>()),
  getBulletin: vi.fn(),
}));

beforeEach(() => {
  vi.mocked(getBulletin).mockReset();
  vi.mocked(getBulletin).mockResolvedValue(aBulletin());
});

describe('BulletinPrintPage', () => {
  it('lays out the title, period and table without links, and prints on request', async () => {
    const print = vi.fn();
    vi.stubGlobal('print', print);
    const { plugins } = createTestPlugins();
    useSessionStore().$patch({ user: streetStaff, csrfToken: 'csrf', restored: true });
    const { wrapper } = await mountAtRoute(
      BulletinPrintPage,
      '/bulletins/:id/print',
      '/bulletins/8/print',
      plugins,
    );
    await flushPromises();

    expect(wrapper.get('[data-test="print-title"]').text()).toBe(
      '2026年第一季度党建任务完成情况通报',
    );
    const period = wrapper.get('[data-test="print-period"]').text();
    expect(period).toContain('2026-01-01 至 2026-03-31');
    expect(period).toContain('统计截至 2026-04-01 10:00');
    expect(wrapper.findAll('[data-test="bulletin-row-org"]')).toHaveLength(2);
    expect(wrapper.find('[data-test="drill-link"]').exists()).toBe(false);

    await wrapper.get('[data-test="print-now"]').trigger('click');
    expect(print).toHaveBeenCalledTimes(1);
    wrapper.unmount();
  });
});
