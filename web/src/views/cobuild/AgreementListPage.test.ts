import { flushPromises } from '@vue/test-utils';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { exportAgreements, listAgreements, type Agreement } from '@/api/agreement';
import { getOrg } from '@/api/org';
import type { User } from '@/api/session';
import { useSessionStore } from '@/stores/session';
import { anOrg, cityStaff, streetStaff } from '@/testing/fixtures';
import { createTestPlugins, mountAtRoute, pickValue } from '@/testing/plugins';
import AgreementListPage from './AgreementListPage.vue';

vi.mock('@/api/agreement', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@/api/agreement')>()),
  listAgreements: vi.fn(),
  exportAgreements: vi.fn(),
}));
vi.mock('@/api/org', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@/api/org')>()),
  getOrg: vi.fn(),
}));

const streetCobuild: User = {
  ...streetStaff,
  permissions: [...streetStaff.permissions, 'cobuild:read', 'cobuild:report', 'cobuild:write'],
};
const cityCobuild: User = { ...cityStaff, permissions: [...cityStaff.permissions, 'cobuild:read'] };

function anAgreement(overrides: Partial<Agreement> = {}): Agreement {
  return {
    id: 7,
    org: { id: 5, name: '和平街道', level: 'street' },
    title: '和平街道与东城区第一人民医院共建协议',
    org_head: '王志刚',
    org_liaison: '赵敏',
    signed_on: '2025-07-01',
    start_on: '2025-07-01',
    end_on: '2026-06-30',
    predecessor_id: null,
    successor_id: null,
    terminated_on: null,
    termination_reason: '',
    state: 'active',
    late_reports: 2,
    unit_names: ['东城区第一人民医院'],
    created_at: '2025-07-01T02:00:00Z',
    ...overrides,
  };
}

async function mountPage(user: User, path = '/cobuild/agreements') {
  const { plugins } = createTestPlugins();
  useSessionStore().$patch({ user, csrfToken: 'csrf', restored: true });
  const mounted = await mountAtRoute(AgreementListPage, '/cobuild/agreements', path, plugins);
  await flushPromises();
  return mounted;
}

beforeEach(() => {
  vi.mocked(listAgreements).mockReset();
  vi.mocked(exportAgreements).mockReset();
  vi.mocked(getOrg)
    .mockReset()
    .mockResolvedValue(anOrg({ id: 12, name: '胜利街道', level: 'street' }));
  vi.mocked(listAgreements).mockResolvedValue({
    items: [
      anAgreement(),
      anAgreement({
        id: 8,
        late_reports: 0,
        state: 'expiring',
        unit_names: ['和平科技有限公司', '胜利中学'],
      }),
    ],
    total: 2,
    page: 1,
    page_size: 20,
  });
});

describe('AgreementListPage', () => {
  it('lists the agreements with their state, units and late reports in red', async () => {
    const { wrapper } = await mountPage(streetCobuild);

    expect(listAgreements).toHaveBeenCalledWith({
      org: 5,
      state: undefined,
      late: undefined,
      due: undefined,
      q: undefined,
      page: 1,
      page_size: 20,
    });
    expect(getOrg).not.toHaveBeenCalled();
    const links = wrapper.findAll('[data-test="agreement-link"]');
    expect(links[0]!.attributes('href')).toBe('/cobuild/agreements/7');
    expect(wrapper.findAll('[data-test="agreement-state"]').map((tag) => tag.text())).toEqual([
      '履行中',
      '即将到期',
    ]);
    const late = wrapper.findAll('[data-test="agreement-late"]');
    expect(late).toHaveLength(1);
    expect(late[0]!.text()).toBe('2 份报告逾期');
    expect(wrapper.findAll('[data-test="agreement-units"]')[1]!.text()).toBe(
      '和平科技有限公司、胜利中学',
    );
    expect(wrapper.find('[data-test="agreement-create"]').exists()).toBe(true);
    wrapper.unmount();
  });

  it('filters by state and by late reports, from the first page', async () => {
    const { wrapper } = await mountPage(streetCobuild);

    await pickValue(wrapper, 'ElSelect', '[data-test="agreement-state-filter"]', 'expiring');
    await wrapper.get('[data-test="agreement-search-button"]').trigger('click');
    await flushPromises();
    expect(listAgreements).toHaveBeenLastCalledWith(
      expect.objectContaining({ state: 'expiring', page: 1 }),
    );
    await wrapper.get('[data-test="agreement-late-filter"] input').setValue(true);
    await flushPromises();
    expect(listAgreements).toHaveBeenLastCalledWith(
      expect.objectContaining({ state: 'expiring', late: true, page: 1 }),
    );
    wrapper.unmount();
  });

  it('takes the org and the filters of an overview figure from the query', async () => {
    const { wrapper } = await mountPage(
      cityCobuild,
      '/cobuild/agreements?org=12&state=in_force&due=true',
    );

    expect(listAgreements).toHaveBeenCalledTimes(1);
    expect(listAgreements).toHaveBeenCalledWith({
      org: 12,
      state: 'in_force',
      late: undefined,
      due: true,
      q: undefined,
      page: 1,
      page_size: 20,
    });
    // The picker names the org, and the filters show what the list holds.
    expect(getOrg).toHaveBeenCalledWith(12);
    expect(wrapper.get('[data-test="agreement-filter-org"]').text()).toContain('胜利街道');
    expect(wrapper.get('[data-test="agreement-state-filter"]').text()).toContain('生效中');
    expect(
      wrapper.get<HTMLInputElement>('[data-test="agreement-due-filter"] input').element.checked,
    ).toBe(true);
    expect(
      wrapper.get<HTMLInputElement>('[data-test="agreement-late-filter"] input').element.checked,
    ).toBe(false);
    expect(wrapper.get('[data-test="agreement-total"]').text()).toBe('共 2 份协议');
    wrapper.unmount();
  });

  it('takes late reports of the agreements in force from the query', async () => {
    const { wrapper } = await mountPage(
      cityCobuild,
      '/cobuild/agreements?org=12&state=in_force&late=true',
    );

    expect(listAgreements).toHaveBeenCalledWith(
      expect.objectContaining({ org: 12, state: 'in_force', late: true, due: undefined }),
    );
    wrapper.unmount();
  });

  it('follows the query when another figure opens the page already shown', async () => {
    const { wrapper, router } = await mountPage(
      cityCobuild,
      '/cobuild/agreements?org=12&state=active',
    );

    await router.push('/cobuild/agreements?org=5&state=expiring');
    await flushPromises();
    expect(listAgreements).toHaveBeenLastCalledWith(
      expect.objectContaining({ org: 5, state: 'expiring', page: 1 }),
    );
    // The menu entry: the user's own org, every state.
    await router.push('/cobuild/agreements');
    await flushPromises();
    expect(listAgreements).toHaveBeenLastCalledWith(
      expect.objectContaining({ org: 1, state: undefined, due: undefined }),
    );
    await router.push('/cobuild/agreements/7');
    await flushPromises();
    expect(listAgreements).toHaveBeenCalledTimes(3);
    wrapper.unmount();
  });

  it('offers no signing to the city, which only reads', async () => {
    const { wrapper } = await mountPage(cityCobuild);

    expect(wrapper.find('[data-test="agreement-create"]').exists()).toBe(false);
    expect(wrapper.find('[data-test="agreement-export"]').exists()).toBe(true);
    wrapper.unmount();
  });
});
