import { flushPromises, mount } from '@vue/test-utils';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { listUnits } from '@/api/unit';
import { useSessionStore } from '@/stores/session';
import { aUnit, streetAdmin } from '@/testing/fixtures';
import { createTestPlugins } from '@/testing/plugins';
import UnitListPage from './UnitListPage.vue';

vi.mock('@/api/unit', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@/api/unit')>()),
  listUnits: vi.fn(),
}));

async function mountPage() {
  const { plugins } = createTestPlugins();
  useSessionStore().$patch({ user: streetAdmin, csrfToken: 'csrf', restored: true });
  const wrapper = mount(UnitListPage, { global: { plugins }, attachTo: document.body });
  await flushPromises();
  return wrapper;
}

beforeEach(() => {
  vi.mocked(listUnits)
    .mockReset()
    .mockResolvedValue({
      items: [
        aUnit(),
        aUnit({
          id: 32,
          name: '和平小学',
          unit_kind: 'public_institution',
          coverage: 'own_org',
          own_org: { id: 40, name: '和平小学党支部' },
        }),
      ],
      total: 2,
      page: 1,
      page_size: 20,
    });
});

describe('UnitListPage', () => {
  it("lists the units of the user's org with their kind and coverage in words", async () => {
    const wrapper = await mountPage();

    expect(listUnits).toHaveBeenCalledWith({
      org: 5,
      q: '',
      unit_kind: undefined,
      eligible: undefined,
      coverage: undefined,
      page: 1,
      page_size: 20,
    });
    const table = wrapper.get('[data-test="unit-table"]');
    expect(table.findAll('[data-test="unit-name"]').map((cell) => cell.text())).toEqual([
      '和平商贸有限公司',
      '和平小学',
    ]);
    expect(table.findAll('[data-test="unit-coverage"]').map((cell) => cell.text())).toEqual([
      '未覆盖',
      '单独建立党组织',
    ]);
    expect(table.text()).toContain('非公有制企业');
    expect(table.text()).toContain('和平小学党支部');
    wrapper.unmount();
  });

  it('searches by name from the first page', async () => {
    const wrapper = await mountPage();

    await wrapper.get('[data-test="unit-filter-q"]').setValue('和平');
    await wrapper.get('[data-test="unit-search"]').trigger('click');
    await flushPromises();

    expect(listUnits).toHaveBeenLastCalledWith(
      expect.objectContaining({ org: 5, q: '和平', page: 1 }),
    );
    wrapper.unmount();
  });
});
