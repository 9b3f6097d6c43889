import { flushPromises, mount } from '@vue/test-utils';
import { ElMessageBox, type MessageBoxData } from 'element-plus';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '@/api/client';
import {
  copyDutyItems,
  createDutyItem,
  deleteDutyItem,
  listDepartments,
  listDutyItems,
  updateDutyItem,
} from '@/api/duty';
import type { User } from '@/api/session';
import { chinaYear } from '@/models/date_time';
import { useSessionStore } from '@/stores/session';
import { aDutyItem, cityStaff, streetStaff } from '@/testing/fixtures';
import { createTestPlugins, pickValue } from '@/testing/plugins';
import DutyListPage from './DutyListPage.vue';

vi.mock('@/api/duty', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@/api/duty')>()),
  listDutyItems: vi.fn(),
  listDepartments: vi.fn(),
  createDutyItem: vi.fn(),
  updateDutyItem: vi.fn(),
  deleteDutyItem: vi.fn(),
  copyDutyItems: vi.fn(),
}));

const YEAR = chinaYear();
const CITY_ITEM = aDutyItem({ year: YEAR });
const OWN_ITEM = aDutyItem({ id: 22, year: YEAR, org: { id: 1, name: '示范市', level: 'city' } });

async function mountPage(user: User) {
  const { plugins } = createTestPlugins();
  useSessionStore().$patch({ user, csrfToken: 'csrf', restored: true });
  const wrapper = mount(DutyListPage, { global: { plugins }, attachTo: document.body });
  await flushPromises();
  return wrapper;
}

beforeEach(() => {
  for (const mock of [
    listDutyItems,
    listDepartments,
    createDutyItem,
    updateDutyItem,
    deleteDutyItem,
    copyDutyItems,
  ]) {
    vi.mocked(mock).mockReset();
  }
  vi.mocked(listDutyItems).mockResolvedValue([CITY_ITEM]);
  vi.mocked(listDepartments).mockResolvedValue([
    { id: 1, name: '组织部门' },
    { id: 2, name: '宣传部门' },
  ]);
});

describe('DutyListPage', () => {
  it("opens on this year's list of the user's level, read only without duty:write", async () => {
    const wrapper = await mountPage(streetStaff);

    expect(listDutyItems).toHaveBeenCalledWith({ year: YEAR, level: 'street' });
    expect(wrapper.get('[data-test="duty-kind-tag"]').text()).toBe('直接责任');
    expect(wrapper.get('[data-test="duty-description-cell"]').text()).toBe(
      '每季度研究一次基层党建工作',
    );
    expect(wrapper.get('[data-test="duty-table"]').text()).toContain('组织部门');
    expect(wrapper.find('[data-test="duty-add"]').exists()).toBe(false);
    expect(wrapper.find('[data-test="duty-copy"]').exists()).toBe(false);
    expect(listDepartments).not.toHaveBeenCalled();
    wrapper.unmount();
  });

  it('lists another level and year on request', async () => {
    const wrapper = await mountPage(streetStaff);

    await wrapper.get('#tab-community').trigger('click');
    await flushPromises();
    expect(listDutyItems).toHaveBeenLastCalledWith({ year: YEAR, level: 'community' });

    await pickValue(wrapper, 'ElSelect', '[data-test="duty-year"]', YEAR - 1);
    expect(listDutyItems).toHaveBeenLastCalledWith({ year: YEAR - 1, level: 'community' });
    wrapper.unmount();
  });

  it('adds an item with the kind of the level and the chosen department', async () => {
    vi.mocked(listDutyItems).mockResolvedValue([]);
    vi.mocked(createDutyItem).mockResolvedValue(OWN_ITEM);
    const wrapper = await mountPage(cityStaff);

    await wrapper.get('[data-test="duty-add"]').trigger('click');
    await flushPromises();
    await wrapper.get('[data-test="duty-submit"]').trigger('click');
    await vi.waitFor(() => expect(wrapper.text()).toContain('请填写责任内容'));

    await wrapper.get('[data-test="duty-description"]').setValue('每年听取一次述职');
    await pickValue(wrapper, 'ElSelect', '[data-test="duty-department"]', 1);
    await wrapper.get('[data-test="duty-submit"]').trigger('click');
    await flushPromises();

    expect(createDutyItem).toHaveBeenCalledWith({
      year: YEAR,
      level: 'city',
      responsibility_kind: 'principal',
      description: '每年听取一次述职',
      department_id: 1,
      sort_order: 0,
    });
    wrapper.unmount();
  });

  it("edits and deletes only the user's own org's items, and says why a delete is refused", async () => {
    vi.mocked(listDutyItems).mockResolvedValue([
      aDutyItem({ org: { id: 2, name: '东城区', level: 'district' } }),
      OWN_ITEM,
    ]);
    vi.spyOn(ElMessageBox, 'confirm').mockResolvedValue('confirm' as unknown as MessageBoxData);
    vi.mocked(deleteDutyItem).mockRejectedValue(
      new ApiError({ status: 409, code: 'duty.in_use', message: 'x', requestId: 'r' }),
    );
    const wrapper = await mountPage(cityStaff);

    expect(wrapper.findAll('[data-test="duty-edit"]')).toHaveLength(1);
    await wrapper.get('[data-test="duty-delete"]').trigger('click');
    await flushPromises();

    expect(deleteDutyItem).toHaveBeenCalledWith(22);
    expect(document.body.textContent).toContain('该事项已被任务、督办或问责记录引用，不能删除');
    wrapper.unmount();
  });

  it('copies the list to the next year and shows it', async () => {
    vi.mocked(copyDutyItems).mockResolvedValue(12);
    const wrapper = await mountPage(cityStaff);

    await wrapper.get('[data-test="duty-copy"]').trigger('click');
    await flushPromises();
    await wrapper.get('[data-test="duty-copy-submit"]').trigger('click');
    await flushPromises();

    expect(copyDutyItems).toHaveBeenCalledWith(YEAR, YEAR + 1);
    expect(listDutyItems).toHaveBeenLastCalledWith({ year: YEAR + 1, level: 'city' });
    wrapper.unmount();
  });
});
