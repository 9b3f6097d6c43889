import { flushPromises } from '@vue/test-utils';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { listOrgChildren, type OrgNode, type OrgSummary } from '@/api/org';
import {
  createRequest,
  listAgencies,
  listAgencyKinds,
  listCategories,
  listSlaClasses,
} from '@/api/request';
import { useSessionStore } from '@/stores/session';
import { createTestPlugins, mountAtRoute, pickValue } from '@/testing/plugins';
import RequestIntakePage from './RequestIntakePage.vue';
import {
  AGENCY_KINDS,
  aRequest,
  CATEGORIES,
  hotlineOperator,
  SLA_CLASSES,
} from './request_fixtures';

vi.mock('@/api/org', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@/api/org')>()),
  listOrgChildren: vi.fn(),
  searchOrgs: vi.fn().mockResolvedValue([]),
}));
vi.mock('@/api/request', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@/api/request')>()),
  createRequest: vi.fn(),
  listAgencies: vi.fn(),
  listAgencyKinds: vi.fn(),
  listCategories: vi.fn(),
  listSlaClasses: vi.fn(),
}));

const HEPING_LI: OrgSummary = {
  id: 6,
  name: '和平里社区',
  level: 'community',
  kind: 'committee',
  path: [
    { id: 1, name: '示范市', level: 'city' },
    { id: 2, name: '东城区', level: 'district' },
    { id: 5, name: '和平街道', level: 'street' },
    { id: 6, name: '和平里社区', level: 'community' },
  ],
};

async function mountPage() {
  const { plugins } = createTestPlugins();
  useSessionStore().$patch({ user: hotlineOperator, csrfToken: 'csrf', restored: true });
  const mounted = await mountAtRoute(RequestIntakePage, '/requests/new', '/requests/new', plugins);
  await flushPromises();
  return mounted;
}

async function pickTerritory(wrapper: Awaited<ReturnType<typeof mountPage>>['wrapper']) {
  const picker = wrapper.findAllComponents({ name: 'OrgPicker' })[0]!;
  picker.vm.$emit('update:modelValue', HEPING_LI.id);
  picker.vm.$emit('select', HEPING_LI);
  await flushPromises();
}

beforeEach(() => {
  vi.mocked(listCategories).mockReset().mockResolvedValue(CATEGORIES);
  vi.mocked(listSlaClasses).mockReset().mockResolvedValue(SLA_CLASSES);
  vi.mocked(listAgencyKinds).mockReset().mockResolvedValue(AGENCY_KINDS);
  vi.mocked(listAgencies)
    .mockReset()
    .mockResolvedValue([
      {
        org: { id: 70, name: '和平派出所', level: 'agency' },
        kind: 'police_station',
        kind_name: '派出所',
        department: '公安分局',
        streets: [{ id: 5, name: '和平街道', level: 'street' }],
      },
    ]);
  vi.mocked(listOrgChildren)
    .mockReset()
    .mockResolvedValue([
      { id: 6, name: '和平里社区', level: 'community', archived: false } as OrgNode,
      { id: 7, name: '东风社区', level: 'community', archived: false } as OrgNode,
    ]);
  vi.mocked(createRequest).mockReset();
});

// The first mount of the page compiles Element Plus's form parts: slow on a busy machine.
describe('RequestIntakePage', { timeout: 30_000 }, () => {
  it('finds a leaf by two characters of its full name', async () => {
    const { wrapper } = await mountPage();
    const select = wrapper
      .findAllComponents({ name: 'ElSelect' })
      .find((candidate) => candidate.find('[data-test="request-category"]').exists())!;

    (select.props('remoteMethod') as (query: string) => void)('噪声');
    await flushPromises();

    const options = wrapper.findAllComponents({ name: 'ElOption' }).map((option) => option.text());
    expect(options).toEqual([
      '噪声扰民 / 社会生活噪声 / 邻里噪声',
      '噪声扰民 / 社会生活噪声 / 广场舞噪声',
    ]);
  });

  it('shows where the leaf routes in the territory and its time limits', async () => {
    const { wrapper } = await mountPage();
    expect(wrapper.get('[data-test="request-route"]').text()).toBe(
      '选择分类和事发地后显示派发去向',
    );

    await pickValue(wrapper, 'ElSelect', '[data-test="request-category"]', 3);
    await pickTerritory(wrapper);

    expect(listOrgChildren).toHaveBeenCalledWith(5);
    expect(wrapper.get('[data-test="request-route"]').text()).toContain(
      '派出机构承办：派出所 · 将派往：和平派出所',
    );
    expect(wrapper.get('[data-test="request-sla"]').text()).toBe(
      '一般：签收 2 小时，首次联系 1 天，办结 7 天',
    );
    // A community's leaf goes to the community of the territory.
    await pickValue(wrapper, 'ElSelect', '[data-test="request-category"]', 140);
    expect(wrapper.get('[data-test="request-route"]').text()).toContain('将派往：和平里社区');
  });

  it('takes the request and opens it', async () => {
    vi.mocked(createRequest).mockResolvedValue(aRequest({ id: 77 }));
    const { wrapper, router } = await mountPage();

    await wrapper.get('[data-test="request-submit"]').trigger('submit');
    await flushPromises();
    expect(createRequest).not.toHaveBeenCalled();

    await pickValue(wrapper, 'ElSelect', '[data-test="request-category"]', 140);
    await pickTerritory(wrapper);
    await pickValue(wrapper, 'ElSelect', '[data-test="request-owner"]', 7);
    await wrapper.get('[data-test="request-title"]').setValue('楼道垃圾无人清运');
    await wrapper.get('[data-test="request-description"]').setValue('堆放一周');
    await wrapper.get('[data-test="request-resident-phone"]').setValue('13812345678');
    await wrapper.get('form').trigger('submit');
    await flushPromises();

    expect(createRequest).toHaveBeenCalledWith({
      channel: 'hotline',
      category_id: 140,
      title: '楼道垃圾无人清运',
      description: '堆放一周',
      address: '',
      resident_name: '',
      resident_phone: '13812345678',
      territory_org_id: 6,
      owner_org_id: 7,
    });
    expect(router.currentRoute.value.path).toBe('/requests/77');
  });
});
