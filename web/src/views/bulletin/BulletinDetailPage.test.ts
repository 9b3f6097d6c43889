import { flushPromises } from '@vue/test-utils';
import { ElMessageBox, type MessageBoxData } from 'element-plus';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import {
  deleteBulletin,
  exportBulletin,
  getBulletin,
  publishBulletin,
  type Bulletin,
} from '@/api/bulletin';
import type { User } from '@/api/session';
import { saveFile } from '@/models/workbook';
import { useSessionStore } from '@/stores/session';
import { aBulletin, cityStaff, communityStaff, streetStaff } from '@/testing/fixtures';
import { createTestPlugins, mountAtRoute } from '@/testing/plugins';
import BulletinDetailPage from './BulletinDetailPage.vue';

vi.mock('@/api/bulletin', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@/api/bulletin')>()),
  getBulletin: vi.fn(),
  exportBulletin: vi.fn(),
  publishBulletin: vi.fn(),
  deleteBulletin: vi.fn(),
}));
vi.mock('@/models/workbook', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@/models/workbook')>()),
  saveFile: vi.fn(),
}));
// jsdom has no canvas; the chart's own test is the browser. The stub shows what it was given.
vi.mock('./BulletinChart.vue', async () => {
  const { defineComponent, h } = await import('vue');
  return {
    __esModule: true,
    default: defineComponent({
      props: { rows: { type: Array, required: true } },
      emits: ['pick'],
      setup:
        (props, { emit }) =>
        () =>
          h(
            'button',
            { 'data-test': 'chart-stub', onClick: () => emit('pick', props.rows[0]) },
            `${props.rows.length} orgs`,
          ),
    }),
  };
});

async function mountPage(user: User, bulletin: Bulletin = aBulletin()) {
  vi.mocked(getBulletin).mockResolvedValue(bulletin);
  const { plugins } = createTestPlugins();
  useSessionStore().$patch({ user, csrfToken: 'csrf', restored: true });
  const mounted = await mountAtRoute(BulletinDetailPage, '/bulletins/:id', '/bulletins/8', plugins);
  await flushPromises();
  return mounted;
}

const DRILL =
  'subtree=1&executing=1&deadline_from=2026-01-01&deadline_to=2026-03-31&as_of=2026-04-01T02:00:00Z&bulletin=8';

beforeEach(() => {
  for (const mock of [getBulletin, exportBulletin, publishBulletin, deleteBulletin, saveFile]) {
    vi.mocked(mock).mockReset();
  }
});

describe('BulletinDetailPage', () => {
  it('ranks the orgs with their rates, trends against the last period, and a total', async () => {
    const { wrapper } = await mountPage(streetStaff);

    expect(getBulletin).toHaveBeenCalledWith(8);
    expect(wrapper.get('[data-test="bulletin-title"]').text()).toBe(
      '2026年第一季度党建任务完成情况通报',
    );
    expect(wrapper.get('[data-test="bulletin-meta"]').text()).toContain('2026-01-01 至 2026-03-31');
    expect(wrapper.findAll('[data-test="bulletin-row-org"]').map((cell) => cell.text())).toEqual([
      '和平里社区',
      '东风社区',
    ]);
    expect(wrapper.findAll('[data-test="completion-rate"]').map((cell) => cell.text())).toEqual([
      '75.0%',
      '50.0%',
      '62.5%',
    ]);
    const trends = wrapper.findAll('[data-test="trend"]');
    // 和平里社区: completion up (good), on time same, overdue same.
    expect(trends.map((trend) => trend.attributes('data-trend'))).toEqual(['up', 'same', 'same']);
    expect(trends[0]?.classes()).toContain('good');
    expect(trends[0]?.attributes('title')).toBe('较上期上升（上期 50.0%）');
    expect(wrapper.get('[data-test="bulletin-table"]').text()).toContain('合计');
    wrapper.unmount();
  });

  it('links every number to the records it counts', async () => {
    const { wrapper } = await mountPage(streetStaff);

    const hrefs = wrapper
      .findAll('[data-test="drill-link"]')
      .map((link) => link.attributes('href'));
    expect(hrefs).toContain(`/tasks/records?org=6&${DRILL}`);
    expect(hrefs).toContain(
      `/tasks/records?org=6&subtree=1&executing=1&state=overdue&deadline_from=2026-01-01&deadline_to=2026-03-31&as_of=2026-04-01T02:00:00Z&bulletin=8`,
    );
    expect(hrefs).toContain(
      `/tasks/records?org=6&subtree=1&executing=1&state=on_time&deadline_from=2026-01-01&deadline_to=2026-03-31&as_of=2026-04-01T02:00:00Z&bulletin=8`,
    );
    expect(hrefs).toContain(
      '/supervisions?view=all&org=7&state=unclosed&as_of=2026-04-01T02:00:00Z',
    );
    // The total row drills into the bulletin's own org.
    expect(hrefs).toContain(`/tasks/records?org=5&${DRILL}`);
    wrapper.unmount();
  });

  it('lists the overdue items and open supervisions with links', async () => {
    const { wrapper } = await mountPage(streetStaff);

    expect(wrapper.get('[data-test="assignment-link"]').attributes('href')).toBe(
      '/tasks/assignments/13',
    );
    expect(wrapper.get('[data-test="overdue-tag"]').text()).toBe('逾期 3 天');
    expect(wrapper.get('[data-test="supervision-link"]').attributes('href')).toBe(
      '/supervisions/9',
    );
    wrapper.unmount();
  });

  it('opens the done records of an org picked on the chart', async () => {
    const { wrapper, router } = await mountPage(streetStaff);

    await vi.waitFor(() => expect(wrapper.find('[data-test="chart-stub"]').exists()).toBe(true));
    await wrapper.get('[data-test="chart-stub"]').trigger('click');
    await flushPromises();

    expect(router.currentRoute.value.query).toMatchObject({ org: '6', state: 'done' });
    wrapper.unmount();
  });

  it('exports the .xlsx file the server makes', async () => {
    const blob = new Blob(['xlsx']);
    vi.mocked(exportBulletin).mockResolvedValue({ blob, fileName: '通报.xlsx' });
    const { wrapper } = await mountPage(communityStaff);

    await wrapper.get('[data-test="bulletin-export"]').trigger('click');
    await flushPromises();

    expect(exportBulletin).toHaveBeenCalledWith(8);
    expect(saveFile).toHaveBeenCalledWith(blob, '通报.xlsx');
    wrapper.unmount();
  });

  it("offers 发布 only on a draft of the user's own org", async () => {
    vi.spyOn(ElMessageBox, 'confirm').mockResolvedValue('confirm' as unknown as MessageBoxData);
    vi.mocked(publishBulletin).mockResolvedValue(aBulletin({ state: 'published' }));
    const own = await mountPage(streetStaff);
    await own.wrapper.get('[data-test="bulletin-publish"]').trigger('click');
    await flushPromises();
    expect(publishBulletin).toHaveBeenCalledWith(8);
    own.wrapper.unmount();

    const above = await mountPage(cityStaff);
    expect(above.wrapper.find('[data-test="bulletin-publish"]').exists()).toBe(false);
    above.wrapper.unmount();

    const published = await mountPage(streetStaff, aBulletin({ state: 'published' }));
    expect(published.wrapper.find('[data-test="bulletin-publish"]').exists()).toBe(false);
    expect(published.wrapper.get('[data-test="bulletin-state"]').text()).toBe('已发布');
    published.wrapper.unmount();
  });

  it('goes to the print page', async () => {
    const { wrapper, router } = await mountPage(streetStaff);

    await wrapper.get('[data-test="bulletin-print"]').trigger('click');
    await flushPromises();

    expect(router.currentRoute.value.path).toBe('/bulletins/8/print');
    wrapper.unmount();
  });
});
