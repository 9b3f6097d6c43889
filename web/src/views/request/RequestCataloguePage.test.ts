import { flushPromises } from '@vue/test-utils';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import {
  createCategory,
  listAgencyKinds,
  listCategories,
  listSlaClasses,
  updateSlaClass,
} from '@/api/request';
import { useSessionStore } from '@/stores/session';
import { createTestPlugins, mountAtRoute, pickValue } from '@/testing/plugins';
import RequestCataloguePage from './RequestCataloguePage.vue';
import { AGENCY_KINDS, CATEGORIES, cityCatalogue, SLA_CLASSES } from './request_fixtures';

vi.mock('@/api/request', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@/api/request')>()),
  createCategory: vi.fn(),
  listAgencyKinds: vi.fn(),
  listCategories: vi.fn(),
  listSlaClasses: vi.fn(),
  updateCategory: vi.fn(),
  updateSlaClass: vi.fn(),
}));

async function mountPage() {
  const { plugins } = createTestPlugins();
  useSessionStore().$patch({ user: cityCatalogue, csrfToken: 'csrf', restored: true });
  const { wrapper } = await mountAtRoute(
    RequestCataloguePage,
    '/request-catalogue',
    '/request-catalogue',
    plugins,
  );
  await flushPromises();
  return wrapper;
}

beforeEach(() => {
  vi.mocked(listCategories).mockReset().mockResolvedValue(CATEGORIES);
  vi.mocked(listSlaClasses).mockReset().mockResolvedValue(SLA_CLASSES);
  vi.mocked(listAgencyKinds).mockReset().mockResolvedValue(AGENCY_KINDS);
  vi.mocked(createCategory).mockReset();
  vi.mocked(updateSlaClass).mockReset();
});

describe('RequestCataloguePage', { timeout: 30_000 }, () => {
  it('shows the catalogue as a tree with the live leaves counted, and the SLA classes', async () => {
    const wrapper = await mountPage();

    expect(wrapper.text()).toContain('末级分类 3 个');
    expect(wrapper.find('[data-test="request-category-01"]').text()).toBe('噪声扰民');
    const resolution = wrapper.findAll('[data-test="request-sla-resolution"]');
    expect(resolution.map((cell) => cell.text())).toEqual(['7 天', '1 天']);
  });

  it('adds a leaf owned by an agency kind under the picked node', async () => {
    vi.mocked(createCategory).mockResolvedValue({ ...CATEGORIES[2]!, id: 99, code: '01.01.03' });
    const wrapper = await mountPage();

    // 社会生活噪声, below 噪声扰民 (collapsed: the tree renders it once opened).
    wrapper.findComponent({ name: 'ElTree' }).vm.$emit('node-click', {
      id: 2,
      category: CATEGORIES[1],
    });
    await flushPromises();
    expect(wrapper.get('[data-test="request-category-detail"]').text()).toContain(
      '噪声扰民 / 社会生活噪声',
    );
    await wrapper.get('[data-test="request-category-add"]').trigger('click');
    await flushPromises();
    await wrapper.get('[data-test="request-category-name"]').setValue('直播噪声');
    await wrapper
      .findAll('[data-test="request-category-owner-kind"] input')
      .find((input) => (input.element as HTMLInputElement).value === 'agency')!
      .setValue(true);
    await pickValue(
      wrapper,
      'ElSelect',
      '[data-test="request-category-agency-kind"]',
      'police_station',
    );
    await wrapper.get('[data-test="request-category-form-submit"]').trigger('click');
    await flushPromises();

    expect(createCategory).toHaveBeenCalledWith({
      parent_code: '01.01',
      name: '直播噪声',
      owner_kind: 'agency',
      agency_kind: 'police_station',
      sla_class: 'general',
    });
    expect(listCategories).toHaveBeenCalledTimes(2);
  });

  it("edits an SLA class's limits", async () => {
    vi.mocked(updateSlaClass).mockResolvedValue({ ...SLA_CLASSES[0]!, max_extension_days: 5 });
    const wrapper = await mountPage();

    await wrapper.findAll('[data-test="request-sla-edit"]')[0]!.trigger('click');
    await flushPromises();
    await pickValue(wrapper, 'ElInputNumber', '[data-test="request-sla-max_extension_days"]', 5);
    await wrapper.get('[data-test="request-sla-form-submit"]').trigger('click');
    await flushPromises();

    expect(updateSlaClass).toHaveBeenCalledWith({ ...SLA_CLASSES[0], max_extension_days: 5 });
  });
});
