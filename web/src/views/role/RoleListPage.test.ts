import { flushPromises, mount } from '@vue/test-utils';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { listRoles, updateRole, type Role, type RoleList } from '@/api/role';
import { useSessionStore } from '@/stores/session';
import { securityAdmin } from '@/testing/fixtures';
import { createTestPlugins } from '@/testing/plugins';
import RoleListPage from './RoleListPage.vue';

vi.mock('@/api/role', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@/api/role')>()),
  listRoles: vi.fn(),
  updateRole: vi.fn(),
  deleteRole: vi.fn(),
}));

const street: Role = {
  name: 'street_admin',
  display_name: '街道党工委',
  duty: 'staff',
  builtin: true,
  permissions: ['member:read', 'org:read'],
  user_count: 1,
};
const custom: Role = {
  name: 'grid_worker',
  display_name: '网格员',
  duty: 'staff',
  builtin: false,
  permissions: [],
  user_count: 0,
};
const audit: Role = {
  name: 'audit_admin',
  display_name: '审计管理员',
  duty: 'audit',
  builtin: true,
  permissions: ['audit:export', 'audit:read'],
  user_count: 1,
};
const LIST: RoleList = {
  items: [street, audit, custom],
  permissions: [
    { name: 'org:read', duty: 'staff' },
    { name: 'member:read', duty: 'staff' },
    { name: 'member:unmask', duty: 'staff' },
    { name: 'user:read', duty: 'system' },
    { name: 'setting:read', duty: 'shared' },
    { name: 'audit:read', duty: 'audit' },
  ],
};

async function mountPage() {
  const { plugins } = createTestPlugins();
  useSessionStore().$patch({ user: securityAdmin, csrfToken: 'csrf', restored: true });
  const wrapper = mount(RoleListPage, { global: { plugins }, attachTo: document.body });
  await flushPromises();
  return wrapper;
}

function rows(wrapper: Awaited<ReturnType<typeof mountPage>>) {
  return wrapper.findAll('[data-test="role-table"] .el-table__body-wrapper tbody tr');
}

beforeEach(() => {
  vi.mocked(listRoles).mockReset().mockResolvedValue(LIST);
  vi.mocked(updateRole).mockReset();
  document.body.innerHTML = '';
});

describe('RoleListPage', () => {
  it('shows each role with its duty and permissions in Chinese', async () => {
    const wrapper = await mountPage();

    const duties = wrapper.findAll('[data-test="role-duty"]').map((cell) => cell.text());
    expect(duties).toEqual(['业务', '审计管理员', '业务']);
    const permissions = wrapper
      .findAll('[data-test="role-permissions"]')
      .map((cell) => cell.text());
    expect(permissions[0]).toContain('查看党员');
    expect(permissions[0]).toContain('查看组织');
    expect(permissions[1]).toContain('查看审计日志');
    expect(permissions[1]).toContain('导出审计日志');
    expect(wrapper.get('[data-test="role-separation-note"]').text()).toContain('三员分立');
    wrapper.unmount();
  });

  it('keeps the administrator roles read-only and deletes only unused custom roles', async () => {
    const wrapper = await mountPage();

    const [streetRow, auditRow, customRow] = rows(wrapper);
    expect(streetRow?.find('[data-test="role-edit"]').exists()).toBe(true);
    expect(streetRow?.find('[data-test="role-delete"]').exists()).toBe(false);
    expect(auditRow?.find('button').exists()).toBe(false);
    expect(auditRow?.find('[data-test="role-fixed"]').exists()).toBe(true);
    expect(customRow?.find('[data-test="role-delete"]').exists()).toBe(true);
    wrapper.unmount();
  });

  it('offers only staff permissions and grants a checked one', async () => {
    vi.mocked(updateRole).mockResolvedValue({
      ...street,
      permissions: ['member:read', 'member:unmask', 'org:read'],
    });
    const wrapper = await mountPage();

    await rows(wrapper)[0]!.get('[data-test="role-edit"]').trigger('click');
    await flushPromises();
    const grid = document.body.querySelector('[data-test="role-form-permissions"]');
    expect(grid?.textContent).toContain('查看完整身份证号');
    expect(grid?.textContent).not.toContain('查看用户');
    expect(grid?.textContent).not.toContain('查看系统设置');
    const unmask = document.body.querySelector(
      '[data-test="role-permission-member-unmask"] input',
    ) as HTMLInputElement;
    expect(unmask.checked).toBe(false);
    unmask.click();
    (document.body.querySelector('[data-test="role-form-submit"]') as HTMLElement).click();
    await flushPromises();

    expect(updateRole).toHaveBeenCalledWith('street_admin', {
      display_name: '街道党工委',
      permissions: ['member:read', 'org:read', 'member:unmask'],
    });
    wrapper.unmount();
  });
});
