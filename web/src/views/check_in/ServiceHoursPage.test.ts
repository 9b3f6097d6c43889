import { flushPromises } from '@vue/test-utils';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { listServiceHours, type ServiceHoursEntry } from '@/api/check_in';
import { getOrg } from '@/api/org';
import type { User } from '@/api/session';
import { useSessionStore } from '@/stores/session';
import { anOrg, cityAdmin } from '@/testing/fixtures';
import { createTestPlugins, mountAtRoute, pickValue } from '@/testing/plugins';
import ServiceHoursPage from './ServiceHoursPage.vue';

vi.mock('@/api/check_in', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@/api/check_in')>()),
  listServiceHours: vi.fn(),
}));
vi.mock('@/api/org', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@/api/org')>()),
  getOrg: vi.fn(),
}));

const READS = ['cobuild:read', 'check_in:read'];
const cityReader: User = { ...cityAdmin, permissions: [...cityAdmin.permissions, ...READS] };

function anEntry(overrides: Partial<ServiceHoursEntry> = {}): ServiceHoursEntry {
  return {
    id: 5,
    served_on: '2026-11-20',
    minutes: 120,
    member: { id: 9, name: '李志明' },
    community: { id: 30, name: '和平里社区' },
    post: { id: 4, title: '楼门值守' },
    recorded_by: '和平里社区管理员',
    ...overrides,
  };
}

async function mountPage(user: User, path: string) {
  const { plugins } = createTestPlugins();
  useSessionStore().$patch({ user, csrfToken: 'csrf', restored: true });
  const mounted = await mountAtRoute(ServiceHoursPage, '/check-in/service-hours', path, plugins);
  await flushPromises();
  return mounted;
}

beforeEach(() => {
  vi.mocked(getOrg)
    .mockReset()
    .mockResolvedValue(anOrg({ id: 12, name: '和平街道', level: 'street' }));
  vi.mocked(listServiceHours)
    .mockReset()
    .mockResolvedValue({
      items: [anEntry(), anEntry({ id: 4, served_on: '2026-11-02', minutes: 45 })],
      total: 37,
      page: 1,
      page_size: 20,
      total_minutes: 5400,
    });
});

describe('ServiceHoursPage', () => {
  it('lists the year’s hours of the org the query names, with their total in hours', async () => {
    const { wrapper } = await mountPage(cityReader, '/check-in/service-hours?org=12&year=2025');

    expect(listServiceHours).toHaveBeenCalledWith({ org: 12, year: 2025, page: 1, page_size: 20 });
    expect(wrapper.get('[data-test="service-hours-filter-org"]').text()).toContain('和平街道');
    expect(wrapper.get('[data-test="service-hours-year"]').text()).toContain('2025');
    expect(wrapper.get('[data-test="service-hours-total"]').text()).toBe(
      '合计 90.0 小时（37 条记录）',
    );
    const rows = wrapper.findAll('[data-test="service-hours-table"] .el-table__body tbody tr');
    expect(rows).toHaveLength(2);
    expect(rows[0]!.text()).toContain('李志明');
    expect(rows[0]!.text()).toContain('和平里社区');
    expect(rows[0]!.get('[data-test="service-hours-hours"]').text()).toBe('2.0');
    expect(rows[1]!.get('[data-test="service-hours-hours"]').text()).toBe('0.8');
    expect(rows[0]!.get('[data-test="service-hours-post"]').attributes('href')).toBe(
      '/check-in/posts/4',
    );
    // Back to the overview of the same org.
    expect(wrapper.get('[data-test="breadcrumb"]').attributes('href')).toBe(
      '/cobuild/overview?org=12',
    );
    wrapper.unmount();
  });

  it('asks for another year from the first page', async () => {
    const { wrapper } = await mountPage(cityReader, '/check-in/service-hours?org=12&year=2026');

    await pickValue(wrapper, 'ElSelect', '[data-test="service-hours-year"]', 2024);
    // Picking from the dropdown also tells the select's listeners it changed.
    wrapper
      .findAllComponents({ name: 'ElSelect' })
      .find((select) => select.find('[data-test="service-hours-year"]').exists())!
      .vm.$emit('change', 2024);
    await flushPromises();
    expect(listServiceHours).toHaveBeenLastCalledWith({
      org: 12,
      year: 2024,
      page: 1,
      page_size: 20,
    });
    wrapper.unmount();
  });

  it('shows this year of the user’s own org without a query', async () => {
    const { wrapper } = await mountPage(cityReader, '/check-in/service-hours');

    expect(listServiceHours).toHaveBeenCalledWith(
      expect.objectContaining({ org: 1, year: new Date().getFullYear() }),
    );
    expect(getOrg).not.toHaveBeenCalled();
    wrapper.unmount();
  });
});
