// Joint meetings as the API sends them, and users holding their permissions, for the tests of the
// pages in this folder.
import type {
  JointMeeting,
  JointMeetingAttendee,
  JointMeetingDetail,
  JointMeetingResolution,
  ResolutionTask,
} from '@/api/joint_meeting';
import type { User } from '@/api/session';
import { cityStaff, streetStaff } from '@/testing/fixtures';

/** 和平街道's staff: plans meetings, records them and issues their resolutions as tasks. */
export const streetWriter: User = {
  ...streetStaff,
  permissions: [...streetStaff.permissions, 'cobuild:read', 'cobuild:write'].sort(),
};

/** The city, which reads the meetings of its subtree only. */
export const cityReader: User = {
  ...cityStaff,
  permissions: [...cityStaff.permissions, 'cobuild:read'].sort(),
};

/** A planned meeting of 和平街道's 大工委, long past its day. */
export function aMeeting(overrides: Partial<JointMeeting> = {}): JointMeeting {
  return {
    id: 7,
    org: { id: 5, name: '和平街道', level: 'street' },
    title: '2026年第一季度大工委联席会议',
    meeting_date: '2026-03-20',
    place: '和平街道党群服务中心二楼会议室',
    agenda: '一、通报一季度共建项目进展\n二、研究老旧小区加装电梯事项',
    minutes: null,
    state: 'planned',
    attendee_count: 2,
    present_count: 0,
    resolution_count: 0,
    tasked_count: 0,
    created_at: '2026-03-10T02:00:00Z',
    ...overrides,
  };
}

export function anAttendee(overrides: Partial<JointMeetingAttendee> = {}): JointMeetingAttendee {
  return {
    id: 1,
    person_name: '李红',
    unit: { id: 31, name: '东城区第一人民医院' },
    post: '兼职副书记',
    present: null,
    absence_reason: '',
    ...overrides,
  };
}

export function aResolutionTask(overrides: Partial<ResolutionTask> = {}): ResolutionTask {
  return {
    id: 21,
    title: '推进老旧小区加装电梯',
    progress: 37.5,
    executing_count: 2,
    done_count: 0,
    overdue_count: 1,
    my_assignment_id: 88,
    ...overrides,
  };
}

export function aResolution(
  overrides: Partial<JointMeetingResolution> = {},
): JointMeetingResolution {
  return {
    id: 4,
    meeting_id: 7,
    position: 1,
    text: '各社区6月底前摸清加装电梯意愿',
    deadline: '2026-06-30',
    responsible_orgs: [
      { id: 6, name: '和平里社区', level: 'community' },
      { id: 7, name: '东风社区', level: 'community' },
    ],
    task: null,
    ...overrides,
  };
}

/** The meeting held: minutes, one present and one absent attendee, one resolution not yet a task. */
export function aHeldMeeting(overrides: Partial<JointMeetingDetail> = {}): JointMeetingDetail {
  return {
    ...aMeeting({
      state: 'held',
      minutes: '会议通报了共建项目进展。\n会议议定：加装电梯由各社区摸底。',
      present_count: 1,
      resolution_count: 1,
    }),
    attendees: [
      anAttendee({ present: true }),
      anAttendee({
        id: 2,
        person_name: '王强',
        unit: null,
        post: '委员',
        present: false,
        absence_reason: '外出学习',
      }),
    ],
    resolutions: [aResolution()],
    ...overrides,
  };
}

/** The meeting planned, with the committee's members asked to it. */
export function aPlannedMeeting(overrides: Partial<JointMeetingDetail> = {}): JointMeetingDetail {
  return {
    ...aMeeting(),
    attendees: [anAttendee(), anAttendee({ id: 2, person_name: '王强', unit: null, post: '委员' })],
    resolutions: [],
    ...overrides,
  };
}
