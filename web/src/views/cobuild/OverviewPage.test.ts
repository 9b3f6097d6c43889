import { flushPromises } from '@vue/test-utils';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import {
  getCobuildingOverview,
  type CobuildingOverview,
  type OverviewFigures,
  type OverviewRow,
} from '@/api/cobuild_overview';
import type { User } from '@/api/session';
import { useSessionStore } from '@/stores/session';
import { cityAdmin, streetAdmin } from '@/testing/fixtures';
import { createTestPlugins, mountAtRoute } from '@/testing/plugins';
import OverviewPage from './OverviewPage.vue';

vi.mock('@/api/cobuild_overview', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@/api/cobuild_overview')>()),
  getCobuildingOverview: vi.fn(),
}));

const READS = ['cobuild:read', 'check_in:read'];
const cityReader: User = { ...cityAdmin, permissions: [...cityAdmin.permissions, ...READS] };
const streetReader: User = { ...streetAdmin, permissions: [...streetAdmin.permissions, ...READS] };

function figures(overrides: Partial<OverviewFigures> = {}): OverviewFigures {
  return {
    agreements_active: 3,
    agreements_expiring: 1,
    reports_due: 2,
    reports_late: 1,
    needs_open: 4,
    needs_matched: 2,
    members_reported: 120,
    units_reported: 8,
    service_minutes: 5400,
    ...overrides,
  };
}

function aRow(id: number, name: string, overrides: Partial<OverviewFigures> = {}): OverviewRow {
  return { org: { id, name, level: 'street' }, ...figures(overrides) };
}

function anOverview(overrides: Partial<CobuildingOverview> = {}): CobuildingOverview {
  return {
    as_of: '2026-12-03',
    year: 2026,
    expiring_days: 30,
    due_days: 30,
    org: { id: 1, name: '示范市', level: 'city' },
    rows: [
      aRow(5, '和平街道'),
      aRow(12, '胜利街道', { reports_late: 0, service_minutes: 50, members_reported: 7 }),
    ],
    total: figures({
      agreements_active: 6,
      agreements_expiring: 2,
      reports_due: 4,
      reports_late: 1,
      needs_open: 8,
      needs_matched: 4,
      members_reported: 127,
      units_reported: 16,
      service_minutes: 5450,
    }),
    ...overrides,
  };
}

async function mountPage(user: User, path = '/cobuild/overview') {
  const { plugins } = createTestPlugins();
  useSessionStore().$patch({ user, csrfToken: 'csrf', restored: true });
  const mounted = await mountAtRoute(OverviewPage, '/cobuild/overview', path, plugins);
  await flushPromises();
  return mounted;
}

const text = (wrapper: Awaited<ReturnType<typeof mountPage>>['wrapper'], testId: string) =>
  wrapper.get(`[data-test="${testId}"]`).text();
const href = (wrapper: Awaited<ReturnType<typeof mountPage>>['wrapper'], testId: string) =>
  wrapper.get(`[data-test="${testId}"]`).attributes('href');

beforeEach(() => {
  vi.mocked(getCobuildingOverview).mockReset().mockResolvedValue(anOverview());
});

describe('OverviewPage', { timeout: 30_000 }, () => {
  it('shows a row of figures per street under the total, as of the day', async () => {
    const { wrapper } = await mountPage(cityReader);

    expect(getCobuildingOverview).toHaveBeenCalledWith(1);
    expect(text(wrapper, 'page-title')).toBe('共建概览');
    expect(text(wrapper, 'overview-heading')).toBe('示范市 · 截至 2026-12-03');
    const rows = wrapper.findAll('[data-test="overview-table"] .el-table__body tbody tr');
    expect(rows).toHaveLength(3);
    expect(rows[0]!.text()).toContain('合计（2 个街道）');
    expect(rows[1]!.get('[data-test="overview-org-name"]').text()).toBe('和平街道');
    expect(rows[2]!.get('[data-test="overview-org-name"]').text()).toBe('胜利街道');
    expect(text(wrapper, 'overview-agreements_active-total')).toBe('6');
    expect(text(wrapper, 'overview-members_reported-5')).toBe('120');
    expect(text(wrapper, 'overview-members_reported-12')).toBe('7');
    const headers = wrapper.get('[data-test="overview-table"] .el-table__header').text();
    for (const label of ['共建协议', '履行中', '即将到期', '季度报告', '待交', '逾期', '需求']) {
      expect(headers).toContain(label);
    }
    for (const label of ['待对接', '已对接', '双报到', '在职党员', '单位党组织']) {
      expect(headers).toContain(label);
    }
    expect(headers).toContain('服务时长（本年，小时）');
    wrapper.unmount();
  });

  it('shows the minutes of service as hours with one decimal', async () => {
    const { wrapper } = await mountPage(cityReader);

    expect(text(wrapper, 'overview-service_minutes-5')).toBe('90.0');
    expect(text(wrapper, 'overview-service_minutes-12')).toBe('0.8');
    expect(text(wrapper, 'overview-service_minutes-total')).toBe('90.8');
    wrapper.unmount();
  });

  it('links every figure to exactly its records, the total to the whole org', async () => {
    const { wrapper } = await mountPage(cityReader);

    expect(href(wrapper, 'overview-agreements_active-5')).toBe(
      '/cobuild/agreements?org=5&state=active',
    );
    expect(href(wrapper, 'overview-agreements_expiring-5')).toBe(
      '/cobuild/agreements?org=5&state=expiring',
    );
    expect(href(wrapper, 'overview-reports_late-5')).toBe(
      '/cobuild/agreements?org=5&state=in_force&late=true',
    );
    expect(href(wrapper, 'overview-reports_due-5')).toBe(
      '/cobuild/agreements?org=5&state=in_force&due=true',
    );
    expect(href(wrapper, 'overview-needs_open-12')).toBe('/cobuild/needs?org=12&status=open');
    expect(href(wrapper, 'overview-needs_matched-12')).toBe('/cobuild/needs?org=12&status=matched');
    expect(href(wrapper, 'overview-members_reported-12')).toBe(
      '/check-in/roster?org=12&tab=members',
    );
    expect(href(wrapper, 'overview-units_reported-12')).toBe('/check-in/roster?org=12&tab=units');
    expect(href(wrapper, 'overview-service_minutes-12')).toBe(
      '/check-in/service-hours?org=12&year=2026',
    );
    expect(href(wrapper, 'overview-agreements_active-total')).toBe(
      '/cobuild/agreements?org=1&state=active',
    );
    wrapper.unmount();
  });

  it('shows late reports in red, and none late as any other figure', async () => {
    const { wrapper } = await mountPage(cityReader);

    expect(wrapper.get('[data-test="overview-reports_late-5"]').classes()).toContain('late');
    expect(wrapper.get('[data-test="overview-reports_late-12"]').classes()).not.toContain('late');
    expect(wrapper.get('[data-test="overview-reports_due-5"]').classes()).not.toContain('late');
    wrapper.unmount();
  });

  it('shows a street its own row, without a total', async () => {
    vi.mocked(getCobuildingOverview).mockResolvedValue(
      anOverview({
        org: { id: 5, name: '和平街道', level: 'street' },
        rows: [aRow(5, '和平街道')],
        total: figures(),
      }),
    );
    const { wrapper } = await mountPage(streetReader);

    expect(getCobuildingOverview).toHaveBeenCalledWith(5);
    const rows = wrapper.findAll('[data-test="overview-table"] .el-table__body tbody tr');
    expect(rows).toHaveLength(1);
    expect(wrapper.find('[data-test="overview-total-label"]').exists()).toBe(false);
    expect(text(wrapper, 'overview-needs_open-5')).toBe('4');
    wrapper.unmount();
  });

  it('leaves the 报到 figures unlinked for a user who may not open the roster', async () => {
    const cobuildOnly = { ...cityAdmin, permissions: [...cityAdmin.permissions, 'cobuild:read'] };
    const { wrapper } = await mountPage(cobuildOnly);

    expect(wrapper.get('[data-test="overview-members_reported-5"]').element.tagName).toBe('SPAN');
    expect(wrapper.get('[data-test="overview-service_minutes-5"]').element.tagName).toBe('SPAN');
    expect(wrapper.get('[data-test="overview-needs_open-5"]').element.tagName).toBe('A');
    wrapper.unmount();
  });

  it('shows the org the query names, and follows it', async () => {
    const { wrapper, router } = await mountPage(cityReader, '/cobuild/overview?org=2');

    expect(getCobuildingOverview).toHaveBeenLastCalledWith(2);
    await router.push('/cobuild/overview?org=3');
    await flushPromises();
    expect(getCobuildingOverview).toHaveBeenLastCalledWith(3);
    // A figure's link leaves the page with an org in its query: no overview of it is asked for.
    await router.push('/cobuild/needs?org=12&status=open');
    await flushPromises();
    expect(getCobuildingOverview).toHaveBeenCalledTimes(2);
    wrapper.unmount();
  });

  it('pages a city of many streets, the total on every page', async () => {
    const many = Array.from({ length: 120 }, (_, index) => aRow(100 + index, `街道${index + 1}`));
    vi.mocked(getCobuildingOverview).mockResolvedValue(anOverview({ rows: many }));
    const { wrapper } = await mountPage(cityReader);

    let rows = wrapper.findAll('[data-test="overview-table"] .el-table__body tbody tr');
    expect(rows).toHaveLength(51);
    expect(rows[0]!.text()).toContain('合计（120 个街道）');
    expect(text(wrapper, 'overview-pager')).toContain('120');
    await wrapper.get('[data-test="overview-pager"] .btn-next').trigger('click');
    await flushPromises();
    rows = wrapper.findAll('[data-test="overview-table"] .el-table__body tbody tr');
    expect(rows).toHaveLength(51);
    expect(rows[0]!.text()).toContain('合计（120 个街道）');
    expect(rows[1]!.get('[data-test="overview-org-name"]').text()).toBe('街道51');
    wrapper.unmount();
  });

  it('says why when the overview cannot be loaded', async () => {
    vi.mocked(getCobuildingOverview).mockRejectedValue(new Error('network down'));
    const { wrapper } = await mountPage(cityReader);

    expect(wrapper.find('[data-test="overview-error"]').exists()).toBe(true);
    expect(wrapper.find('[data-test="overview-table"]').exists()).toBe(false);
    wrapper.unmount();
  });
});
