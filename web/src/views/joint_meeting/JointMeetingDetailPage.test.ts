import { flushPromises, type VueWrapper } from '@vue/test-utils';
import { ElMessageBox, type MessageBoxData } from 'element-plus';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '@/api/client';
import {
  addJointMeetingResolution,
  getJointMeeting,
  issueResolutionTask,
  recordJointMeetingMinutes,
  type JointMeetingDetail,
} from '@/api/joint_meeting';
import { listOrgChildren, type OrgNode } from '@/api/org';
import type { User } from '@/api/session';
import { useSessionStore } from '@/stores/session';
import { communityStaff } from '@/testing/fixtures';
import { createTestPlugins, mountAtRoute, pickValue } from '@/testing/plugins';
import {
  aHeldMeeting,
  aPlannedMeeting,
  aResolution,
  aResolutionTask,
  cityReader,
  streetWriter,
} from './joint_meeting_fixtures';
import JointMeetingDetailPage from './JointMeetingDetailPage.vue';

vi.mock('@/api/joint_meeting', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@/api/joint_meeting')>()),
  getJointMeeting: vi.fn(),
  recordJointMeetingMinutes: vi.fn(),
  addJointMeetingResolution: vi.fn(),
  issueResolutionTask: vi.fn(),
}));
vi.mock('@/api/org', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@/api/org')>()),
  listOrgChildren: vi.fn(),
}));

const CONFIRMED = 'confirm' as unknown as MessageBoxData;

async function mountPage(detail: JointMeetingDetail, user: User = streetWriter) {
  vi.mocked(getJointMeeting).mockResolvedValue(detail);
  const { plugins } = createTestPlugins();
  useSessionStore().$patch({ user, csrfToken: 'csrf', restored: true });
  const { wrapper } = await mountAtRoute(
    JointMeetingDetailPage,
    '/joint-meetings/:id',
    `/joint-meetings/${detail.id}`,
    plugins,
  );
  await flushPromises();
  return wrapper;
}

function rowsOf(wrapper: VueWrapper, table: string) {
  return wrapper.findAll(`[data-test="${table}"] .el-table__body tbody tr`);
}

function aCommunity(id: number, name: string): OrgNode {
  return {
    id,
    name,
    level: 'community',
    parent_id: 5,
    kind: 'committee',
    secretary: '',
    contact: '',
    address: '',
    founded_on: null,
    sector: '',
    archived: false,
    child_count: 0,
  };
}

beforeEach(() => {
  for (const mock of [
    getJointMeeting,
    recordJointMeetingMinutes,
    addJointMeetingResolution,
    issueResolutionTask,
    listOrgChildren,
  ]) {
    vi.mocked(mock).mockReset();
  }
  vi.restoreAllMocks();
});

describe('JointMeetingDetailPage', () => {
  it('shows the agenda as written, who attended, the minutes and the resolutions', async () => {
    const wrapper = await mountPage(aHeldMeeting());

    expect(getJointMeeting).toHaveBeenCalledWith(7);
    expect(wrapper.get('[data-test="joint-meeting-heading"]').text()).toBe(
      '2026年第一季度大工委联席会议',
    );
    expect(wrapper.get('[data-test="joint-meeting-org"]').text()).toBe('和平街道');
    expect(wrapper.get('[data-test="joint-meeting-date"]').text()).toBe('2026-03-20');
    expect(wrapper.get('[data-test="joint-meeting-state"]').text()).toBe('已召开');
    expect(wrapper.text()).toContain('应到 2 人，实到 1 人');
    // The line breaks are kept (pre-wrap), not joined.
    expect(wrapper.get('[data-test="joint-meeting-agenda"]').element.textContent).toContain(
      '一、通报一季度共建项目进展\n二、研究老旧小区加装电梯事项',
    );
    expect(wrapper.get('[data-test="joint-meeting-minutes"]').text()).toContain('各社区摸底');

    const attendees = rowsOf(wrapper, 'joint-meeting-attendee-table');
    expect(
      attendees.map((row) => row.get('[data-test="joint-meeting-attendee-name"]').text()),
    ).toEqual(['李红', '王强']);
    expect(attendees[0]!.text()).toContain('东城区第一人民医院');
    expect(
      attendees.map((row) => row.get('[data-test="joint-meeting-attendee-presence"]').text()),
    ).toEqual(['出席', '缺席']);
    expect(attendees[1]!.get('[data-test="joint-meeting-attendee-reason"]').text()).toBe(
      '外出学习',
    );

    const [resolution] = rowsOf(wrapper, 'joint-meeting-resolution-table');
    expect(resolution!.text()).toContain('第 1 项');
    expect(resolution!.get('[data-test="joint-meeting-resolution-text"]').text()).toBe(
      '各社区6月底前摸清加装电梯意愿',
    );
    expect(resolution!.get('[data-test="joint-meeting-resolution-orgs"]').text()).toBe(
      '和平里社区、东风社区',
    );
    expect(resolution!.text()).toContain('2026-06-30');
    expect(resolution!.get('[data-test="joint-meeting-resolution-to-task"]').text()).toBe(
      '转为任务',
    );
    expect(wrapper.find('[data-test="joint-meeting-action-hint"]').exists()).toBe(false);
    wrapper.unmount();
  });

  it('issues a resolution as a task after confirming, then links to the task', async () => {
    const confirm = vi.spyOn(ElMessageBox, 'confirm').mockResolvedValue(CONFIRMED);
    vi.mocked(issueResolutionTask).mockResolvedValue(aResolution({ task: aResolutionTask() }));
    const wrapper = await mountPage(aHeldMeeting());

    await wrapper.get('[data-test="joint-meeting-resolution-to-task"]').trigger('click');
    await flushPromises();

    expect(confirm.mock.calls[0]?.[0]).toBe(
      '将决议第 1 项作为任务下达给和平里社区、东风社区，完成期限 2026-06-30。确定吗？',
    );
    expect(issueResolutionTask).toHaveBeenCalledWith(4);
    const link = wrapper.get('[data-test="joint-meeting-resolution-task-link"]');
    expect(link.text()).toBe('推进老旧小区加装电梯');
    expect(link.attributes('href')).toBe('/tasks/assignments/88');
    expect(wrapper.get('[data-test="joint-meeting-resolution-progress"]').text()).toBe(
      '进度 37.5%',
    );
    expect(wrapper.get('[data-test="joint-meeting-resolution-overdue"]').text()).toBe('逾期 1 个');
    expect(wrapper.find('[data-test="joint-meeting-resolution-to-task"]').exists()).toBe(false);
    wrapper.unmount();
  });

  it('issues nothing when the user does not confirm', async () => {
    vi.spyOn(ElMessageBox, 'confirm').mockRejectedValue('cancel');
    const wrapper = await mountPage(aHeldMeeting());

    await wrapper.get('[data-test="joint-meeting-resolution-to-task"]').trigger('click');
    await flushPromises();

    expect(issueResolutionTask).not.toHaveBeenCalled();
    expect(wrapper.find('[data-test="joint-meeting-resolution-to-task"]').exists()).toBe(true);
    wrapper.unmount();
  });

  it('leaves the issuing to the org that held the meeting, and writing to writers', async () => {
    const issued = aResolution({
      id: 5,
      position: 2,
      task: aResolutionTask({ my_assignment_id: null, overdue_count: 0 }),
    });
    const meeting = aHeldMeeting({ resolutions: [aResolution(), issued] });
    const community = await mountPage(meeting, {
      ...communityStaff,
      permissions: [...communityStaff.permissions, 'cobuild:read', 'cobuild:write'],
    });
    expect(community.find('[data-test="joint-meeting-resolution-to-task"]').exists()).toBe(false);
    expect(community.text()).toContain('未转为任务');
    // Without a node of its own in the task, the title shows without a link.
    expect(community.find('[data-test="joint-meeting-resolution-task-link"]').exists()).toBe(false);
    expect(community.get('[data-test="joint-meeting-resolution-task"]').text()).toContain(
      '推进老旧小区加装电梯',
    );
    expect(community.find('[data-test="joint-meeting-resolution-overdue"]').exists()).toBe(false);
    community.unmount();

    const city = await mountPage(meeting, cityReader);
    for (const button of ['edit', 'minutes-open', 'resolution-open', 'resolution-to-task']) {
      expect(city.find(`[data-test="joint-meeting-${button}"]`).exists()).toBe(false);
    }
    city.unmount();
  });

  it('records no minutes before the meeting’s day, and no resolution before the minutes', async () => {
    const early = await mountPage(aPlannedMeeting({ meeting_date: '2099-01-10' }));
    expect(
      early.get('[data-test="joint-meeting-minutes-open"]').attributes('disabled'),
    ).toBeDefined();
    expect(
      early.get('[data-test="joint-meeting-resolution-open"]').attributes('disabled'),
    ).toBeDefined();
    expect(early.get('[data-test="joint-meeting-action-hint"]').text()).toBe(
      '会议日期（2099-01-10）未到：会后才能记录纪要、形成决议。',
    );
    expect(
      early.get('[data-test="joint-meeting-minutes-open"]').attributes('aria-describedby'),
    ).toBe('joint-meeting-action-hint');
    expect(early.get('[data-test="joint-meeting-minutes"]').text()).toBe('尚未记录会议纪要');
    expect(early.findAll('[data-test="joint-meeting-attendee-presence"]')[0]!.text()).toBe(
      '未记录',
    );
    early.unmount();

    const due = await mountPage(aPlannedMeeting());
    expect(
      due.get('[data-test="joint-meeting-minutes-open"]').attributes('disabled'),
    ).toBeUndefined();
    expect(due.get('[data-test="joint-meeting-minutes-open"]').text()).toBe('记录纪要');
    expect(
      due.get('[data-test="joint-meeting-resolution-open"]').attributes('disabled'),
    ).toBeDefined();
    expect(due.get('[data-test="joint-meeting-action-hint"]').text()).toBe(
      '先记录会议纪要和出席情况，再形成决议。',
    );
    due.unmount();
  });

  it('refuses an absence without its reason, then records the minutes and attendance', async () => {
    vi.mocked(recordJointMeetingMinutes).mockResolvedValue(aHeldMeeting({ resolutions: [] }));
    const wrapper = await mountPage(aPlannedMeeting());

    await wrapper.get('[data-test="joint-meeting-minutes-open"]').trigger('click');
    await flushPromises();
    // The rows start from the attendees the server listed.
    expect(wrapper.findAll('[data-test="minutes-attendee"]')).toHaveLength(2);
    expect(
      (wrapper.get('[data-test="minutes-attendee-name-1"]').element as HTMLInputElement).value,
    ).toBe('王强');

    await wrapper
      .get('[data-test="minutes-form-text"]')
      .setValue('会议议定：加装电梯由各社区摸底。');
    await wrapper.get('[data-test="minutes-attendee-present-1"]').trigger('click');
    await wrapper.get('[data-test="minutes-form-submit"]').trigger('click');
    await vi.waitFor(() => expect(wrapper.text()).toContain('第 2 位：缺席人员须写明缺席原因'));
    expect(recordJointMeetingMinutes).not.toHaveBeenCalled();

    await wrapper.get('[data-test="minutes-attendee-reason-1"]').setValue('外出学习');
    await wrapper.get('[data-test="minutes-attendee-add"]').trigger('click');
    await wrapper.get('[data-test="minutes-attendee-name-2"]').setValue('赵敏');
    await wrapper.get('[data-test="minutes-attendee-post-2"]').setValue('社区书记');
    await wrapper.get('[data-test="minutes-form-submit"]').trigger('click');
    await flushPromises();

    expect(recordJointMeetingMinutes).toHaveBeenCalledWith(7, {
      minutes: '会议议定：加装电梯由各社区摸底。',
      attendees: [
        { person_name: '李红', unit_id: 31, post: '兼职副书记', present: true, absence_reason: '' },
        {
          person_name: '王强',
          unit_id: null,
          post: '委员',
          present: false,
          absence_reason: '外出学习',
        },
        { person_name: '赵敏', unit_id: null, post: '社区书记', present: true, absence_reason: '' },
      ],
    });
    expect(wrapper.get('[data-test="joint-meeting-state"]').text()).toBe('已召开');
    expect(wrapper.get('[data-test="joint-meeting-minutes-open"]').text()).toBe('修改纪要');
    expect(
      wrapper.get('[data-test="joint-meeting-resolution-open"]').attributes('disabled'),
    ).toBeUndefined();
    wrapper.unmount();
  }, 20_000);

  it('shows why the server refused the minutes, and stays open', async () => {
    vi.mocked(recordJointMeetingMinutes).mockRejectedValue(
      new ApiError({
        status: 409,
        code: 'joint_meeting.not_held_yet',
        message: 'x',
        requestId: 'r',
      }),
    );
    const wrapper = await mountPage(aPlannedMeeting());

    await wrapper.get('[data-test="joint-meeting-minutes-open"]').trigger('click');
    await flushPromises();
    await wrapper.get('[data-test="minutes-form-text"]').setValue('纪要');
    await wrapper.get('[data-test="minutes-form-submit"]').trigger('click');
    await flushPromises();

    expect(wrapper.get('[data-test="minutes-form-error"]').text()).toContain(
      '会议日期未到，不能记录纪要或决议',
    );
    expect(wrapper.find('[data-test="minutes-form-text"]').exists()).toBe(true);
    wrapper.unmount();
  }, 20_000);

  it('adds a resolution for orgs below the meeting’s org', async () => {
    vi.mocked(listOrgChildren).mockResolvedValue([
      aCommunity(6, '和平里社区'),
      aCommunity(7, '东风社区'),
      { ...aCommunity(9, '旧社区'), archived: true },
    ]);
    vi.mocked(addJointMeetingResolution).mockResolvedValue(
      aResolution({
        id: 5,
        position: 2,
        text: '年底前完成党群服务中心改造',
        deadline: '2026-12-31',
        responsible_orgs: [{ id: 7, name: '东风社区', level: 'community' }],
      }),
    );
    const wrapper = await mountPage(aHeldMeeting());

    await wrapper.get('[data-test="joint-meeting-resolution-open"]').trigger('click');
    await flushPromises();
    expect(listOrgChildren).toHaveBeenCalledWith(5);
    await wrapper.get('[data-test="resolution-form-submit"]').trigger('click');
    await vi.waitFor(() => {
      expect(wrapper.text()).toContain('请填写决议内容');
      expect(wrapper.text()).toContain('请至少选择一个责任组织');
    });
    expect(addJointMeetingResolution).not.toHaveBeenCalled();

    await wrapper.get('[data-test="resolution-form-text"]').setValue('年底前完成党群服务中心改造');
    await pickValue(wrapper, 'ElDatePicker', '[name="resolution-form-deadline"]', '2026-12-31');
    await pickValue(wrapper, 'ElSelect', '[data-test="resolution-form-orgs"]', [7]);
    await wrapper.get('[data-test="resolution-form-submit"]').trigger('click');
    await flushPromises();

    expect(addJointMeetingResolution).toHaveBeenCalledWith(7, {
      text: '年底前完成党群服务中心改造',
      deadline: '2026-12-31',
      responsible_org_ids: [7],
    });
    expect(
      wrapper.findAll('[data-test="joint-meeting-resolution-text"]').map((cell) => cell.text()),
    ).toEqual(['各社区6月底前摸清加装电梯意愿', '年底前完成党群服务中心改造']);
    wrapper.unmount();
  }, 20_000);
});
