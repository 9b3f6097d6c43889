import { flushPromises } from '@vue/test-utils';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '@/api/client';
import { createUser, updateUser } from '@/api/user';
import { useSessionStore } from '@/stores/session';
import { aUserAccount, systemAdmin } from '@/testing/fixtures';
import { createTestPlugins, mountInHost } from '@/testing/plugins';
import UserFormDialog from './UserFormDialog.vue';

vi.mock('@/api/user', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@/api/user')>()),
  createUser: vi.fn(),
  updateUser: vi.fn(),
}));

const ROLES = [
  { name: 'street_admin', label: '街道党工委' },
  { name: 'community_admin', label: '社区党组织' },
];

async function openDialog(props: Record<string, unknown> = {}) {
  const { plugins } = createTestPlugins();
  useSessionStore().$patch({ user: systemAdmin, csrfToken: 'csrf', restored: true });
  const mounted = mountInHost(
    UserFormDialog,
    { modelValue: false, defaultOrg: { id: 5, name: '和平街道' }, roles: ROLES, ...props },
    plugins,
  );
  mounted.props.modelValue = true;
  await flushPromises();
  return Object.assign(mounted.wrapper, { dialog: mounted.inner });
}

beforeEach(() => {
  vi.mocked(createUser).mockReset();
  vi.mocked(updateUser).mockReset();
});

describe('UserFormDialog', () => {
  it('explains the username rule and sends nothing for an invalid username', async () => {
    const wrapper = await openDialog();

    await wrapper.get('[data-test="user-form-username"]').setValue('Wang Fang');
    await wrapper.get('[data-test="user-form-name"]').setValue('王芳');
    await wrapper.get('[data-test="user-form-submit"]').trigger('click');
    await flushPromises();

    await vi.waitFor(() => expect(wrapper.text()).toContain('用户名为 3–64 位小写字母'));
    expect(createUser).not.toHaveBeenCalled();
  });

  it('sends only what changed when editing, and shows a refusal in Chinese', async () => {
    vi.mocked(updateUser).mockRejectedValue(
      new ApiError({ status: 400, code: 'user.invalid_role', message: 'x', requestId: 'r' }),
    );
    const wrapper = await openDialog({ user: aUserAccount() });

    expect(
      (wrapper.get('[data-test="user-form-username"]').element as HTMLInputElement).disabled,
    ).toBe(true);
    await wrapper.get('[data-test="user-form-name"]').setValue('王芳芳');
    await wrapper.get('[data-test="user-form-submit"]').trigger('click');
    await flushPromises();

    expect(updateUser).toHaveBeenCalledWith(30, { display_name: '王芳芳' });
    expect(wrapper.get('[data-test="user-form-error"]').text()).toContain('角色不存在');
    expect(wrapper.dialog().emitted('updated')).toBeUndefined();
  });
});
