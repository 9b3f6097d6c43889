import { flushPromises, mount } from '@vue/test-utils';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { getMemberIdentifiers, listMembers } from '@/api/member';
import type { User } from '@/api/session';
import { useSessionStore } from '@/stores/session';
import { aMember, cityAdmin, streetAdmin } from '@/testing/fixtures';
import { createTestPlugins } from '@/testing/plugins';
import MemberListPage from './MemberListPage.vue';

vi.mock('@/api/member', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@/api/member')>()),
  listMembers: vi.fn(),
  getMemberIdentifiers: vi.fn(),
  exportMembers: vi.fn(),
}));

async function mountPage(user: User) {
  const { plugins } = createTestPlugins();
  useSessionStore().$patch({ user, csrfToken: 'csrf', restored: true });
  const wrapper = mount(MemberListPage, { global: { plugins }, attachTo: document.body });
  await flushPromises();
  return wrapper;
}

beforeEach(() => {
  vi.mocked(listMembers).mockReset();
  vi.mocked(getMemberIdentifiers).mockReset();
  vi.mocked(listMembers).mockResolvedValue({
    items: [aMember(), aMember({ id: 102, name: '李梅', phone: '', status: 'probationary' })],
    total: 2,
    page: 1,
    page_size: 20,
  });
});

describe('MemberListPage', () => {
  it("lists the members of the user's org with ID numbers and phones exactly as sent", async () => {
    const wrapper = await mountPage(streetAdmin);

    expect(listMembers).toHaveBeenCalledWith({
      org: 5,
      q: '',
      id_number: '',
      status: undefined,
      in_service: undefined,
      page: 1,
      page_size: 20,
    });
    const idNumbers = wrapper.findAll('[data-test="member-id-number"]').map((cell) => cell.text());
    const phones = wrapper.findAll('[data-test="member-phone"]').map((cell) => cell.text());
    expect(idNumbers).toEqual(['110101********0759', '110101********0759']);
    expect(phones).toEqual(['138****5678', '']);
    expect(wrapper.text()).toContain('预备');
    expect(wrapper.get('[data-test="member-total"]').text()).toBe('共 2 名党员');
    wrapper.unmount();
  });

  it('offers 查看完整信息 only to a user with member:unmask', async () => {
    const street = await mountPage(streetAdmin);
    expect(street.find('[data-test="member-unmask"]').exists()).toBe(false);
    expect(street.find('[data-test="member-edit"]').exists()).toBe(true);
    street.unmount();

    const city = await mountPage(cityAdmin);
    expect(city.findAll('[data-test="member-unmask"]')).toHaveLength(2);
    expect(city.get('[data-test="member-unmask"]').text()).toBe('查看完整信息');
    city.unmount();
  });

  it('shows the full identifiers with a note that the view is recorded', async () => {
    vi.mocked(getMemberIdentifiers).mockResolvedValue({
      id_number: '110101199003070759',
      phone: '13812345678',
    });
    const wrapper = await mountPage(cityAdmin);

    await wrapper.get('[data-test="member-unmask"]').trigger('click');
    await flushPromises();

    expect(getMemberIdentifiers).toHaveBeenCalledWith(101);
    const dialog = wrapper.get('[data-test="identifiers-dialog"]');
    expect(dialog.get('[data-test="identifiers-id-number"]').text()).toBe('110101199003070759');
    expect(dialog.get('[data-test="identifiers-phone"]').text()).toBe('13812345678');
    expect(dialog.get('[data-test="identifiers-note"]').text()).toContain('已记录查看日志');
    wrapper.unmount();
  });

  it('searches by name, exact ID number and status from the first page', async () => {
    const wrapper = await mountPage(streetAdmin);

    await wrapper.get('[data-test="member-filter-q"]').setValue('张三');
    await wrapper.get('[data-test="member-filter-id-number"]').setValue('110101199003070759');
    await wrapper.get('[data-test="member-search"]').trigger('click');
    await flushPromises();

    expect(listMembers).toHaveBeenLastCalledWith(
      expect.objectContaining({ org: 5, q: '张三', id_number: '110101199003070759', page: 1 }),
    );
    wrapper.unmount();
  });
});
