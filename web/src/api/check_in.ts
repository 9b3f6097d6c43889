import {
  request,
  requestFile,
  toQuery,
  type DownloadedFile,
  type Page,
  type Paging,
} from './client';

/** An org, a unit or a member by id and name. */
export interface Ref {
  id: number;
  name: string;
}

/** 报到单: a unit's Party org reported to the community it sits in, and the community's receipt. */
export interface UnitCheckIn {
  id: number;
  unit: Ref;
  party_org: Ref;
  community: Ref;
  reported_on: string;
  note: string;
  received_on: string | null;
  ended_on: string | null;
}

/** An in-service member reported to the community where they live (ID number masked). */
export interface MemberCheckIn {
  id: number;
  member: { id: number; name: string; id_number_masked: string };
  employer_org: Ref;
  community: Ref;
  reported_on: string;
  ended_on: string | null;
  previous_id: number | null;
}

export interface MemberCheckInDetail extends MemberCheckIn {
  history: { id: number; community: Ref; reported_on: string; ended_on: string | null }[];
}

export interface ServiceCategory {
  id: number;
  code: string;
  name: string;
}

export interface ServicePost {
  id: number;
  community: Ref;
  category: Ref;
  title: string;
  description: string;
  headcount: number;
  signed_up: number;
  starts_on: string;
  ends_on: string;
}

export interface ServicePostDetail extends ServicePost {
  sign_ups: { id: number; check_in_id: number; member: Ref; signed_up_on: string; hours: number }[];
  hours: {
    id: number;
    sign_up_id: number;
    member_name: string;
    served_on: string;
    hours: number;
    recorded_by: string;
  }[];
  can_write: boolean;
}

/** 服务登记卡: one member's quarter, for the member's own Party org. */
export interface FeedbackSheet {
  id: number;
  member: { id: number; name: string; id_number_masked: string };
  employer_org: Ref;
  community: Ref;
  year: number;
  quarter: number;
  sessions: number;
  hours: number;
  evaluation_grade: Grade | null;
  generated_at: number;
}

export const GRADES = ['excellent', 'good', 'fair', 'poor'] as const;
export type Grade = (typeof GRADES)[number];

export interface CheckInEvaluation {
  id: number;
  year: number;
  community: Ref;
  subject_kind: 'member' | 'unit';
  subject: Ref;
  subject_org: Ref;
  grade: Grade;
  comment: string;
  evaluated_at: number;
}

export type Direction = 'community_to_unit' | 'unit_to_community';

export interface EvaluationItem {
  id: number;
  direction: Direction;
  name: string;
}

/** What one side sees: what it gave, the averages it received, whom it may still rate. */
export interface MutualEvaluationView {
  org: Ref;
  side: 'community' | 'unit' | 'none';
  year: number;
  given: {
    id: number;
    year: number;
    direction: Direction;
    community: Ref;
    unit: Ref;
    comment: string;
    rated_at: number;
    scores: { item_id: number; name: string; score: number }[];
  }[];
  received: {
    ratings: number;
    items: { item_id: number; name: string; average: number; ratings: number }[];
  };
  to_rate: { community: Ref; unit: Ref }[];
}

/** One entry of service hours, as the list across a subtree's posts shows it. */
export interface ServiceHoursEntry {
  id: number;
  served_on: string;
  minutes: number;
  member: Ref;
  community: Ref;
  post: { id: number; title: string };
  recorded_by: string;
}

/** A page of service hours, with the minutes of every entry the filter selects. */
export interface ServiceHoursPage extends Page<ServiceHoursEntry> {
  total_minutes: number;
}

export interface RosterFilters extends Paging {
  org?: number;
  all?: boolean;
  q?: string;
}

export function listUnitCheckIns(filters: RosterFilters = {}): Promise<Page<UnitCheckIn>> {
  return request<Page<UnitCheckIn>>(`/unit-check-ins${toQuery({ ...filters })}`);
}

export function reportUnit(input: {
  unit_id: number;
  reported_on?: string;
  note?: string;
}): Promise<UnitCheckIn> {
  return request<UnitCheckIn>('/unit-check-ins', { method: 'POST', body: input });
}

export function receiveUnit(id: number, receivedOn?: string): Promise<UnitCheckIn> {
  return request<UnitCheckIn>(`/unit-check-ins/${id}/receipt`, {
    method: 'POST',
    body: receivedOn ? { received_on: receivedOn } : {},
  });
}

export function listMemberCheckIns(filters: RosterFilters = {}): Promise<Page<MemberCheckIn>> {
  return request<Page<MemberCheckIn>>(`/member-check-ins${toQuery({ ...filters })}`);
}

export function getMemberCheckIn(id: number): Promise<MemberCheckInDetail> {
  return request<MemberCheckInDetail>(`/member-check-ins/${id}`);
}

export function reportMember(input: {
  id_number: string;
  community_id: number;
  reported_on?: string;
  transfer?: boolean;
}): Promise<MemberCheckInDetail> {
  return request<MemberCheckInDetail>('/member-check-ins', { method: 'POST', body: input });
}

export function exportRoster(org?: number): Promise<DownloadedFile> {
  return requestFile(`/check-in-roster/export${toQuery({ org })}`);
}

export async function listServiceCategories(): Promise<ServiceCategory[]> {
  return (await request<{ items: ServiceCategory[] }>('/service-categories')).items;
}

export function listServicePosts(
  filters: Paging & { org?: number } = {},
): Promise<Page<ServicePost>> {
  return request<Page<ServicePost>>(`/service-posts${toQuery({ ...filters })}`);
}

export function getServicePost(id: number): Promise<ServicePostDetail> {
  return request<ServicePostDetail>(`/service-posts/${id}`);
}

export function publishServicePost(input: {
  community_id: number;
  category_id: number;
  title: string;
  description?: string;
  headcount: number;
  starts_on: string;
  ends_on: string;
}): Promise<ServicePostDetail> {
  return request<ServicePostDetail>('/service-posts', { method: 'POST', body: input });
}

export function signUpForPost(postId: number, checkInId: number): Promise<ServicePostDetail> {
  return request<ServicePostDetail>(`/service-posts/${postId}/sign-ups`, {
    method: 'POST',
    body: { check_in_id: checkInId },
  });
}

export function recordServiceHours(
  postId: number,
  input: { check_in_id: number; served_on: string; hours: number },
): Promise<ServicePostDetail> {
  return request<ServicePostDetail>(`/service-posts/${postId}/hours`, {
    method: 'POST',
    body: input,
  });
}

/**
 * The hours served in `year` (this year when absent) at the communities of the org's subtree
 * (the user's own org when absent), newest first.
 */
export function listServiceHours(
  filters: Paging & { org?: number; year?: number } = {},
): Promise<ServiceHoursPage> {
  return request<ServiceHoursPage>(`/service-hours${toQuery({ ...filters })}`);
}

export interface SheetFilters extends Paging {
  org?: number;
  year?: number;
  quarter?: number;
}

export function listFeedbackSheets(filters: SheetFilters = {}): Promise<Page<FeedbackSheet>> {
  return request<Page<FeedbackSheet>>(`/feedback-sheets${toQuery({ ...filters })}`);
}

export function exportFeedbackSheets(filters: SheetFilters): Promise<DownloadedFile> {
  return requestFile(
    `/feedback-sheets/export${toQuery({ ...filters, page: undefined, page_size: undefined })}`,
  );
}

export function generateFeedbackSheets(input: {
  org_id: number;
  year: number;
  quarter: number;
}): Promise<{ year: number; quarter: number; sheets: number; orgs: number }> {
  return request('/feedback-sheets/generate', { method: 'POST', body: input });
}

export function listCheckInEvaluations(
  filters: Paging & { org?: number; year?: number } = {},
): Promise<Page<CheckInEvaluation>> {
  return request<Page<CheckInEvaluation>>(`/check-in-evaluations${toQuery({ ...filters })}`);
}

export function evaluateCheckIn(input: {
  year: number;
  subject_kind: 'member' | 'unit';
  check_in_id: number;
  grade: Grade;
  comment?: string;
}): Promise<CheckInEvaluation> {
  return request<CheckInEvaluation>('/check-in-evaluations', { method: 'POST', body: input });
}

export async function listEvaluationItems(): Promise<EvaluationItem[]> {
  return (await request<{ items: EvaluationItem[] }>('/evaluation-items')).items;
}

export function viewMutualEvaluations(year?: number, org?: number): Promise<MutualEvaluationView> {
  return request<MutualEvaluationView>(`/mutual-evaluations${toQuery({ year, org })}`);
}

export function rateMutually(input: {
  year: number;
  direction: Direction;
  community_id: number;
  unit_id: number;
  scores: { item_id: number; score: number }[];
  comment?: string;
}): Promise<MutualEvaluationView> {
  return request<MutualEvaluationView>('/mutual-evaluations', { method: 'POST', body: input });
}

/** The quarter before today's (the last one whose sheets were sent). */
export function lastEndedQuarter(today = new Date()): { year: number; quarter: number } {
  const quarter = Math.floor(today.getMonth() / 3);
  return quarter === 0
    ? { year: today.getFullYear() - 1, quarter: 4 }
    : { year: today.getFullYear(), quarter };
}
