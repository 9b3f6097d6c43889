import { request, toQuery, type Page, type Paging } from './client';
import type { NamedRef, OrgRef } from './org';

/** planned until the minutes are recorded, then held. */
export const JOINT_MEETING_STATES = ['planned', 'held'] as const;
export type JointMeetingState = (typeof JOINT_MEETING_STATES)[number];

/** One person asked to a joint meeting, often a part-time member from a resident unit. */
export interface JointMeetingAttendee {
  id: number;
  person_name: string;
  unit: NamedRef | null;
  post: string;
  /** Null until the minutes record the attendance. */
  present: boolean | null;
  absence_reason: string;
}

/** The task a resolution was issued as, with its figures as the task list shows them. */
export interface ResolutionTask {
  id: number;
  title: string;
  /** 0..100, one decimal at most, as tasks show it. */
  progress: number;
  executing_count: number;
  done_count: number;
  overdue_count: number;
  /** The node of the user's org in the task, when it has one. */
  my_assignment_id: number | null;
}

/** One resolution of a meeting (决议), numbered by `position`. */
export interface JointMeetingResolution {
  id: number;
  meeting_id: number;
  position: number;
  text: string;
  deadline: string;
  responsible_orgs: OrgRef[];
  task: ResolutionTask | null;
}

/** 联席会议 of a street's 大工委 or a community's 大党委, as the list shows it. */
export interface JointMeeting {
  id: number;
  org: OrgRef;
  title: string;
  meeting_date: string;
  place: string;
  agenda: string;
  minutes: string | null;
  state: JointMeetingState;
  attendee_count: number;
  present_count: number;
  resolution_count: number;
  /** The resolutions issued as tasks. */
  tasked_count: number;
  created_at: string;
}

export interface JointMeetingDetail extends JointMeeting {
  attendees: JointMeetingAttendee[];
  resolutions: JointMeetingResolution[];
}

export interface JointMeetingInput {
  org_id: number;
  title: string;
  meeting_date: string;
  place: string;
  agenda: string;
}

export type JointMeetingPatch = Partial<Omit<JointMeetingInput, 'org_id'>>;

export interface AttendeeInput {
  person_name: string;
  unit_id: number | null;
  post: string;
  present: boolean;
  /** Required when absent. */
  absence_reason: string;
}

export interface MinutesInput {
  minutes: string;
  /** Replaces the attendee list whole. */
  attendees: AttendeeInput[];
}

export interface ResolutionInput {
  text: string;
  deadline: string;
  /** Orgs strictly below the meeting's org. */
  responsible_org_ids: number[];
}

export interface JointMeetingFilters extends Paging {
  /** An org of the user's subtree: the meetings of its subtree. The user's org without it. */
  org?: number;
  state?: JointMeetingState;
}

function meetingPath(id: number, suffix = ''): string {
  return `/joint-meetings/${encodeURIComponent(id)}${suffix}`;
}

/** The meetings of an org's subtree, newest meeting date first. */
export function listJointMeetings(filters: JointMeetingFilters = {}): Promise<Page<JointMeeting>> {
  return request<Page<JointMeeting>>(`/joint-meetings${toQuery({ ...filters })}`);
}

/** Plans a meeting; the server asks the org's joint committee members to it. */
export function createJointMeeting(input: JointMeetingInput): Promise<JointMeetingDetail> {
  return request<JointMeetingDetail>('/joint-meetings', { method: 'POST', body: input });
}

export function getJointMeeting(id: number): Promise<JointMeetingDetail> {
  return request<JointMeetingDetail>(meetingPath(id));
}

export function updateJointMeeting(
  id: number,
  patch: JointMeetingPatch,
): Promise<JointMeetingDetail> {
  return request<JointMeetingDetail>(meetingPath(id), { method: 'PATCH', body: patch });
}

/** Records the minutes and the attendance; the meeting is held from then on. */
export function recordJointMeetingMinutes(
  id: number,
  input: MinutesInput,
): Promise<JointMeetingDetail> {
  return request<JointMeetingDetail>(meetingPath(id, '/minutes'), { method: 'PUT', body: input });
}

/** Adds a resolution to a meeting whose minutes are recorded. */
export function addJointMeetingResolution(
  id: number,
  input: ResolutionInput,
): Promise<JointMeetingResolution> {
  return request<JointMeetingResolution>(meetingPath(id, '/resolutions'), {
    method: 'POST',
    body: input,
  });
}

/** Issues a resolution as a cascading task to its responsible orgs; returns it with its task. */
export function issueResolutionTask(resolutionId: number): Promise<JointMeetingResolution> {
  return request<JointMeetingResolution>(
    `/joint-meeting-resolutions/${encodeURIComponent(resolutionId)}/task`,
    { method: 'POST', body: {} },
  );
}
