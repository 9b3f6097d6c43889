import { flushPromises, mount } from '@vue/test-utils';
import { ElMessageBox, type MessageBoxData } from 'element-plus';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { listUsers, resetUserPassword, resetUserSecondFactor, updateUser } from '@/api/user';
import { useSessionStore } from '@/stores/session';
import { aUserAccount, systemAdmin } from '@/testing/fixtures';
import { createTestPlugins } from '@/testing/plugins';
import UserListPage from './UserListPage.vue';

vi.mock('@/api/user', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@/api/user')>()),
  listUsers: vi.fn(),
  updateUser: vi.fn(),
  resetUserPassword: vi.fn(),
  resetUserSecondFactor: vi.fn(),
}));

/** What ElMessageBox.confirm resolves to when the user confirms. */
const CONFIRMED = 'confirm' as unknown as MessageBoxData;

const staff = aUserAccount({ second_factor: true });
const lockedNew = aUserAccount({
  id: 31,
  username: 'li.lei',
  display_name: '李雷',
  locked: true,
  disabled: true,
  must_change_password: true,
});
const securityAccount = aUserAccount({
  id: 21,
  username: 'sec.admin',
  display_name: '安全管理员',
  org: { id: 1, name: '示范市' },
  role: { name: 'security_admin', display_name: '安全管理员', duty: 'security' },
  second_factor: true,
});

async function mountPage() {
  const { plugins } = createTestPlugins();
  useSessionStore().$patch({ user: systemAdmin, csrfToken: 'csrf', restored: true });
  const wrapper = mount(UserListPage, { global: { plugins }, attachTo: document.body });
  await flushPromises();
  return wrapper;
}

function rows(wrapper: Awaited<ReturnType<typeof mountPage>>) {
  return wrapper.findAll('[data-test="user-table"] .el-table__body-wrapper tbody tr');
}

beforeEach(() => {
  vi.mocked(listUsers)
    .mockReset()
    .mockResolvedValue({
      items: [staff, lockedNew, securityAccount],
      total: 3,
      page: 1,
      page_size: 20,
    });
  vi.mocked(updateUser).mockReset();
  vi.mocked(resetUserPassword).mockReset();
  vi.mocked(resetUserSecondFactor).mockReset();
});

afterEach(() => {
  vi.restoreAllMocks();
  document.body.innerHTML = '';
});

describe('UserListPage', () => {
  it("lists the users of the admin's org with role names and status tags in Chinese", async () => {
    const wrapper = await mountPage();

    expect(listUsers).toHaveBeenCalledWith({ org: 1, q: '', page: 1, page_size: 20 });
    const table = wrapper.get('[data-test="user-table"]');
    expect(table.findAll('[data-test="user-username"]').map((cell) => cell.text())).toEqual([
      'wang.fang',
      'li.lei',
      'sec.admin',
    ]);
    expect(table.findAll('[data-test="user-role"]').map((cell) => cell.text())).toEqual([
      '街道党工委',
      '街道党工委',
      '安全管理员',
    ]);
    const statuses = table.findAll('[data-test="user-status"]').map((cell) => cell.text());
    expect(statuses[0]).toBe('');
    expect(statuses[1]).toContain('停用');
    expect(statuses[1]).toContain('锁定');
    expect(statuses[1]).toContain('未启用两步验证');
    expect(statuses[1]).toContain('须改密码');
    wrapper.unmount();
  });

  it('offers no action on an administrator account (三员分立)', async () => {
    const wrapper = await mountPage();

    const [first, second, third] = rows(wrapper);
    expect(first?.find('[data-test="user-edit"]').exists()).toBe(true);
    expect(first?.find('[data-test="user-disable"]').exists()).toBe(true);
    expect(first?.find('[data-test="user-reset-second-factor"]').exists()).toBe(true);
    // Disabled: enable instead of disable; no second factor to reset.
    expect(second?.find('[data-test="user-enable"]').exists()).toBe(true);
    expect(second?.find('[data-test="user-reset-second-factor"]').exists()).toBe(false);
    expect(third?.find('button').exists()).toBe(false);
    expect(third?.text()).toContain('管理员账号');
    wrapper.unmount();
  });

  it('disables a user only after the confirmation', async () => {
    const confirm = vi.spyOn(ElMessageBox, 'confirm').mockRejectedValueOnce('cancel');
    vi.mocked(updateUser).mockResolvedValue({ ...staff, disabled: true });
    const wrapper = await mountPage();

    await rows(wrapper)[0]!.get('[data-test="user-disable"]').trigger('click');
    await flushPromises();
    expect(updateUser).not.toHaveBeenCalled();

    confirm.mockResolvedValueOnce(CONFIRMED);
    await rows(wrapper)[0]!.get('[data-test="user-disable"]').trigger('click');
    await flushPromises();
    expect(confirm.mock.calls[1]?.[0]).toContain('停用用户“王芳”');
    expect(updateUser).toHaveBeenCalledWith(30, { disabled: true });
    wrapper.unmount();
  });

  it('shows a reset password once, with a warning, and forgets it when closed', async () => {
    vi.spyOn(ElMessageBox, 'confirm').mockResolvedValue(CONFIRMED);
    vi.mocked(resetUserPassword).mockResolvedValue({
      user: { ...staff, must_change_password: true },
      initial_password: 'Xq7-Lm2p-Rt9z',
    });
    const wrapper = await mountPage();

    await rows(wrapper)[0]!.get('[data-test="user-reset-password"]').trigger('click');
    await flushPromises();

    expect(resetUserPassword).toHaveBeenCalledWith(30);
    const dialog = document.body.querySelector('[data-test="user-password-dialog"]');
    expect(dialog?.querySelector('[data-test="user-password"]')?.textContent).toBe('Xq7-Lm2p-Rt9z');
    expect(dialog?.textContent).toContain('密码只显示这一次');
    (dialog?.querySelector('[data-test="user-password-close"]') as HTMLElement).click();
    await flushPromises();
    expect(document.body.textContent).not.toContain('Xq7-Lm2p-Rt9z');
    wrapper.unmount();
  });

  it('resets a second factor after the confirmation', async () => {
    vi.spyOn(ElMessageBox, 'confirm').mockResolvedValue(CONFIRMED);
    vi.mocked(resetUserSecondFactor).mockResolvedValue({ ...staff, second_factor: false });
    const wrapper = await mountPage();

    await rows(wrapper)[0]!.get('[data-test="user-reset-second-factor"]').trigger('click');
    await flushPromises();

    expect(resetUserSecondFactor).toHaveBeenCalledWith(30);
    wrapper.unmount();
  });
});
