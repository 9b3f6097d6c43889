import { flushPromises } from '@vue/test-utils';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '@/api/client';
import { createMember, updateMember } from '@/api/member';
import { useSessionStore } from '@/stores/session';
import { aMember, streetAdmin } from '@/testing/fixtures';
import { createTestPlugins, mountInHost } from '@/testing/plugins';
import MemberFormDialog from './MemberFormDialog.vue';

vi.mock('@/api/member', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@/api/member')>()),
  createMember: vi.fn(),
  updateMember: vi.fn(),
}));

async function openDialog(props: Record<string, unknown> = {}) {
  const { plugins } = createTestPlugins();
  useSessionStore().$patch({ user: streetAdmin, csrfToken: 'csrf', restored: true });
  const mounted = mountInHost(
    MemberFormDialog,
    { modelValue: false, defaultOrg: { id: 5, name: '和平街道' }, ...props },
    plugins,
  );
  mounted.props.modelValue = true;
  await flushPromises();
  return Object.assign(mounted.wrapper, { dialog: mounted.inner });
}

async function fill(wrapper: Awaited<ReturnType<typeof openDialog>>, idNumber: string) {
  await wrapper.get('[data-test="member-form-name"]').setValue('王小明');
  const id = wrapper.get('[data-test="member-form-id-number"]');
  await id.setValue(idNumber);
  await id.trigger('blur');
  await wrapper.get('[data-test="member-form-phone"]').setValue('138 1234 5678');
}

async function submit(wrapper: Awaited<ReturnType<typeof openDialog>>) {
  await wrapper.get('[data-test="member-form-submit"]').trigger('click');
  await flushPromises();
}

beforeEach(() => {
  vi.mocked(createMember).mockReset();
  vi.mocked(updateMember).mockReset();
});

describe('MemberFormDialog', () => {
  it('says 身份证号码校验位错误 and sends nothing when the check character is wrong', async () => {
    const wrapper = await openDialog();

    await fill(wrapper, '110101199003070758');
    await submit(wrapper);

    await vi.waitFor(() => expect(wrapper.text()).toContain('身份证号码校验位错误'));
    expect(createMember).not.toHaveBeenCalled();
  });

  it.each([
    ['11010119900307075', '身份证号码应为18位'],
    ['110101199002300759', '身份证号码中的出生日期无效'],
  ])('explains what is wrong with %s', async (idNumber, message) => {
    const wrapper = await openDialog();
    await fill(wrapper, idNumber);
    await submit(wrapper);
    await vi.waitFor(() => expect(wrapper.text()).toContain(message));
    expect(createMember).not.toHaveBeenCalled();
  });

  it('sends a valid member with the gender read from the ID number and the phone normalised', async () => {
    vi.mocked(createMember).mockResolvedValue(aMember());
    const wrapper = await openDialog();

    await fill(wrapper, '11010519491231002x');
    await submit(wrapper);

    expect(createMember).toHaveBeenCalledWith({
      org_id: 5,
      name: '王小明',
      gender: 'female',
      id_number: '11010519491231002X',
      phone: '13812345678',
      education: '',
      joined_on: null,
      full_member_on: null,
      status: 'full',
      in_service: false,
      employer_unit_id: null,
      home_community_id: null,
    });
    expect(wrapper.dialog().emitted('saved')).toHaveLength(1);
  });

  it('shows the server refusal by its code', async () => {
    vi.mocked(createMember).mockRejectedValue(
      new ApiError({ status: 409, code: 'member.id_number_taken', message: 'x', requestId: 'r' }),
    );
    const wrapper = await openDialog();

    await fill(wrapper, '110101199003070759');
    await submit(wrapper);

    expect(wrapper.get('[data-test="member-form-error"]').text()).toContain('该身份证号码已登记');
    expect(wrapper.dialog().emitted('saved')).toBeUndefined();
  });

  it('sends only what changed when editing, keeping the masked ID number', async () => {
    vi.mocked(updateMember).mockResolvedValue(aMember());
    const wrapper = await openDialog({ member: aMember() });

    const placeholder = wrapper
      .get('[data-test="member-form-id-number"]')
      .attributes('placeholder');
    expect(placeholder).toContain('110101********0759');
    await wrapper.get('[data-test="member-form-name"]').setValue('张三丰');
    await submit(wrapper);

    expect(updateMember).toHaveBeenCalledWith(101, { name: '张三丰' });
  });
});
