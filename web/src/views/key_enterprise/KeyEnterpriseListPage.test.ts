import { flushPromises } from '@vue/test-utils';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { listKeyEnterprises } from '@/api/key_enterprise';
import type { OrgLevel } from '@/api/org';
import type { User } from '@/api/session';
import { useSessionStore } from '@/stores/session';
import { createTestPlugins, mountAtRoute } from '@/testing/plugins';
import { aKeyEnterprise, cityReader, streetWriter } from './key_enterprise_fixtures';
import KeyEnterpriseListPage from './KeyEnterpriseListPage.vue';

vi.mock('@/api/key_enterprise', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@/api/key_enterprise')>()),
  listKeyEnterprises: vi.fn(),
}));

async function mountPage(user: User) {
  const { plugins } = createTestPlugins();
  useSessionStore().$patch({ user, csrfToken: 'csrf', restored: true });
  const { wrapper } = await mountAtRoute(
    KeyEnterpriseListPage,
    '/key-enterprises',
    '/key-enterprises',
    plugins,
  );
  await flushPromises();
  return wrapper;
}

beforeEach(() => {
  vi.mocked(listKeyEnterprises)
    .mockReset()
    .mockResolvedValue({
      items: [
        aKeyEnterprise({ open_issues: 2, visits: 3, last_visit_on: '2026-03-12' }),
        aKeyEnterprise({
          id: 8,
          unit: { id: 32, name: '和平科技有限公司' },
          agency: { id: 72, name: '东城区市场监管所' },
          department: '市场监管局',
        }),
      ],
      total: 2,
      page: 1,
      page_size: 20,
    });
});

describe('KeyEnterpriseListPage', () => {
  it('lists the enterprises with both owners and marks those with open issues', async () => {
    const wrapper = await mountPage(streetWriter);

    expect(listKeyEnterprises).toHaveBeenCalledWith({
      page: 1,
      page_size: 20,
      org: 5,
      q: '',
      open_issues: undefined,
    });
    const rows = wrapper.findAll('[data-test="key-enterprise-table"] .el-table__body tbody tr');
    expect(rows.map((row) => row.get('[data-test="key-enterprise-link"]').text())).toEqual([
      '和平商贸有限公司',
      '和平科技有限公司',
    ]);
    expect(rows[0]?.get('[data-test="key-enterprise-link"]').attributes('href')).toBe(
      '/key-enterprises/7',
    );
    expect(rows[0]?.text()).toContain('和平街道');
    expect(rows[0]?.text()).toContain('和平派出所');
    expect(rows[0]?.text()).toContain('公安分局');
    expect(rows[0]?.text()).toContain('2026-03-12');
    expect(rows[1]?.text()).toContain('市场监管局');

    const openIssues = rows.map((row) => row.get('[data-test="key-enterprise-open-issues"]'));
    expect(openIssues.map((cell) => cell.text())).toEqual(['2', '0']);
    expect(openIssues[0]?.classes()).toContain('el-tag--danger');
    expect(openIssues[1]?.classes()).not.toContain('el-tag--danger');
    expect(wrapper.get('[data-test="key-enterprise-total"]').text()).toBe('共 2 家');
    wrapper.unmount();
  });

  it('keeps only those with open issues when the switch is turned on', async () => {
    const wrapper = await mountPage(streetWriter);

    await wrapper.get('[data-test="key-enterprise-filter-open-issues"]').trigger('click');
    await flushPromises();

    expect(listKeyEnterprises).toHaveBeenLastCalledWith(
      expect.objectContaining({ open_issues: true, page: 1 }),
    );
    wrapper.unmount();
  });

  it('offers 纳入重点企业 to a street that may write, not to an agency or a reader', async () => {
    const street = await mountPage(streetWriter);
    expect(street.get('[data-test="key-enterprise-open"]').text()).toBe('纳入重点企业');
    street.unmount();

    // The agency writes the log but does not list: the server names its level `agency`.
    const agency = await mountPage({
      ...streetWriter,
      org: { ...streetWriter.org, id: 71, name: '和平派出所', level: 'agency' as OrgLevel },
    });
    expect(agency.find('[data-test="key-enterprise-open"]').exists()).toBe(false);
    agency.unmount();

    const city = await mountPage(cityReader);
    expect(city.find('[data-test="key-enterprise-open"]').exists()).toBe(false);
    expect(city.findAll('[data-test="key-enterprise-link"]')).toHaveLength(2);
    city.unmount();
  });
});
