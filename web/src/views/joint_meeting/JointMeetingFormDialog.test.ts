import { flushPromises } from '@vue/test-utils';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '@/api/client';
import { createJointMeeting, updateJointMeeting } from '@/api/joint_meeting';
import type { User } from '@/api/session';
import { useSessionStore } from '@/stores/session';
import { createTestPlugins, mountInHost, pickValue } from '@/testing/plugins';
import { aPlannedMeeting, cityReader, streetWriter } from './joint_meeting_fixtures';
import JointMeetingFormDialog from './JointMeetingFormDialog.vue';

vi.mock('@/api/joint_meeting', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@/api/joint_meeting')>()),
  createJointMeeting: vi.fn(),
  updateJointMeeting: vi.fn(),
}));

async function openDialog(user: User = streetWriter, props: Record<string, unknown> = {}) {
  const { plugins } = createTestPlugins();
  useSessionStore().$patch({ user, csrfToken: 'csrf', restored: true });
  const mounted = mountInHost(JointMeetingFormDialog, { modelValue: false, ...props }, plugins);
  mounted.props.modelValue = true;
  await flushPromises();
  return mounted;
}

async function fill(wrapper: Awaited<ReturnType<typeof openDialog>>['wrapper']) {
  await wrapper.get('[data-test="joint-meeting-title"]').setValue('2026年第四季度大工委联席会议');
  await pickValue(wrapper, 'ElDatePicker', '[name="joint-meeting-date"]', '2026-11-20');
  await wrapper.get('[data-test="joint-meeting-place"]').setValue('党群服务中心二楼会议室');
  await wrapper.get('[data-test="joint-meeting-agenda"]').setValue('一、通报\n二、研究');
}

beforeEach(() => {
  vi.mocked(createJointMeeting).mockReset();
  vi.mocked(updateJointMeeting).mockReset();
});

describe('JointMeetingFormDialog', () => {
  it('asks for every field before sending anything', async () => {
    const { wrapper } = await openDialog();

    await wrapper.get('[data-test="joint-meeting-form-submit"]').trigger('click');
    await vi.waitFor(() => {
      expect(wrapper.text()).toContain('请填写会议名称');
      expect(wrapper.text()).toContain('请选择会议日期');
      expect(wrapper.text()).toContain('请填写会议地点');
      expect(wrapper.text()).toContain('请填写会议议程');
    });
    expect(createJointMeeting).not.toHaveBeenCalled();
  }, 20_000);

  it('plans a meeting of the user’s own street, the agenda’s lines kept', async () => {
    vi.mocked(createJointMeeting).mockResolvedValue(aPlannedMeeting({ id: 70 }));
    const { wrapper, inner } = await openDialog();

    await fill(wrapper);
    await wrapper.get('[data-test="joint-meeting-form-submit"]').trigger('click');
    await flushPromises();

    expect(createJointMeeting).toHaveBeenCalledWith({
      org_id: 5,
      title: '2026年第四季度大工委联席会议',
      meeting_date: '2026-11-20',
      place: '党群服务中心二楼会议室',
      agenda: '一、通报\n二、研究',
    });
    expect(inner().emitted('saved')?.[0]?.[0]).toMatchObject({ id: 70 });
  }, 20_000);

  it('shows the server’s refusal and stays open', async () => {
    vi.mocked(createJointMeeting).mockRejectedValue(
      new ApiError({
        status: 422,
        code: 'joint_meeting.invalid_level',
        message: 'x',
        requestId: 'r',
      }),
    );
    // The city holds no meetings itself: it picks the street or community.
    const { wrapper, props } = await openDialog({
      ...cityReader,
      permissions: [...cityReader.permissions, 'cobuild:write'],
    });

    await pickValue(wrapper, 'ElSelect', '[data-test="joint-meeting-org"]', 5);
    await fill(wrapper);
    await wrapper.get('[data-test="joint-meeting-form-submit"]').trigger('click');
    await flushPromises();

    expect(createJointMeeting).toHaveBeenCalledWith(expect.objectContaining({ org_id: 5 }));
    expect(wrapper.get('[data-test="joint-meeting-form-error"]').text()).toContain(
      '只有街道和社区召开联席会议',
    );
    expect(props.modelValue).toBe(true);
  }, 20_000);

  it('sends only the changed fields of a meeting it edits', async () => {
    vi.mocked(updateJointMeeting).mockResolvedValue(aPlannedMeeting({ place: '社区会议室' }));
    const { wrapper } = await openDialog(streetWriter, { meeting: aPlannedMeeting() });

    expect(wrapper.get('[data-test="joint-meeting-form-org"]').text()).toBe('和平街道');
    await wrapper.get('[data-test="joint-meeting-place"]').setValue('社区会议室');
    await wrapper.get('[data-test="joint-meeting-form-submit"]').trigger('click');
    await flushPromises();

    expect(updateJointMeeting).toHaveBeenCalledWith(7, { place: '社区会议室' });
  }, 20_000);
});
