import { API_BASE, request, toQuery, uploadFile, type Page, type Paging } from './client';
import type { NamedRef, OrgLevel, OrgRef } from './org';

/** Whom a task (or a part of it) goes to. */
export type TaskTargets =
  { mode: 'children' } | { mode: 'level'; level: OrgLevel } | { mode: 'list'; org_ids: number[] };

/** Where a task came from, when another record issued it: a joint meeting's resolution. */
export interface TaskOrigin {
  kind: 'joint_meeting';
  meeting_id: number;
  meeting_title: string;
  resolution_id: number;
  resolution_position: number;
}

export interface Task {
  id: number;
  title: string;
  content: string;
  /** The last day, YYYY-MM-DD (China time). */
  deadline: string;
  weight: number;
  duty_item?: { id: number; description: string } | null;
  issuer: OrgRef;
  created_at: string;
  root_assignment_id: number;
  /** 0..100, one decimal at most. */
  progress: number;
  /**
   * The orgs that carry the task out (nodes below the root not decomposed further), once each as
   * bulletins count them; of them, the done and, today, the overdue.
   */
  executing_count: number;
  done_count: number;
  overdue_count: number;
  /** Null (or absent) for a task issued directly. */
  origin?: TaskOrigin | null;
}

export interface TaskInput {
  title: string;
  content: string;
  deadline: string;
  weight: number;
  duty_item_id?: number;
  targets: TaskTargets;
}

export const ASSIGNMENT_STATES = ['open', 'reported', 'returned', 'done'] as const;
/** open, reported (a report awaits review), returned (the last report came back), done. */
export type AssignmentState = (typeof ASSIGNMENT_STATES)[number];
/**
 * A node's state, or as of a time: on_time (done by its deadline), overdue, undone; or to_report
 * (open or returned: the org has a report to make).
 */
export type AssignmentStateFilter =
  AssignmentState | 'on_time' | 'overdue' | 'undone' | 'to_report';

/** One org's part of a task: a node of the task's tree. */
export interface Assignment {
  id: number;
  task: { id: number; title: string; issuer: NamedRef };
  parent_id: number | null;
  org: OrgRef;
  deadline: string;
  weight: number;
  progress: number;
  state: AssignmentState;
  overdue: boolean;
  overdue_days: number;
  child_count: number;
  completed_at?: string | null;
}

export interface Attachment {
  id: number;
  file_name: string;
  content_type: string;
  size: number;
  created_at: string;
}

export type ReportState = 'pending' | 'accepted' | 'returned';

export interface ProgressReport {
  id: number;
  percent: number;
  text: string;
  state: ReportState;
  reported_by: { id: number; display_name: string };
  reported_at: string;
  reviewed_at?: string | null;
  review_reason?: string | null;
  attachments: Attachment[];
}

export type TaskEventKind =
  'assigned' | 'decomposed' | 'reported' | 'accepted' | 'returned' | 'overdue' | 'escalated';

export interface TaskEvent {
  id: number;
  kind: TaskEventKind;
  org: NamedRef;
  user?: { id: number; display_name: string } | null;
  text: string;
  at: string;
}

/** A node with what the detail page needs, and what the user may do to it. */
export interface AssignmentDetail extends Assignment {
  content: string;
  parent?: { id: number; org: OrgRef; progress: number } | null;
  reports: ProgressReport[];
  events: TaskEvent[];
  can_report: boolean;
  can_decompose: boolean;
  /** The user's org owns the parent node and a report is pending. */
  can_review: boolean;
  /** Where the node's task came from; null for a task issued directly. */
  origin?: TaskOrigin | null;
}

export interface AssignmentFilters extends Paging {
  /** Without it: the user's own org, its own nodes ("my to-do"). */
  org?: number;
  subtree?: boolean;
  /** Only the nodes that carry a task out, not those that passed it down: as bulletins count. */
  executing?: boolean;
  state?: AssignmentStateFilter;
  task?: number;
  deadline_from?: string;
  deadline_to?: string;
  as_of?: string;
}

export interface ReportInput {
  percent: number;
  text: string;
  attachment_ids: number[];
}

export interface DecomposeInput {
  targets: TaskTargets;
  deadline?: string;
  weight?: number;
}

export interface Review {
  report: ProgressReport;
  assignment: Assignment;
}

function taskPath(taskId: number): string {
  return `/tasks/${encodeURIComponent(taskId)}`;
}

function assignmentPath(assignmentId: number): string {
  return `/task-assignments/${encodeURIComponent(assignmentId)}`;
}

function reportPath(reportId: number): string {
  return `/progress-reports/${encodeURIComponent(reportId)}`;
}

/** Issues a task from the user's org; the org gets the root node. */
export function createTask(input: TaskInput): Promise<Task> {
  return request<Task>('/tasks', { method: 'POST', body: input });
}

/** Tasks issued by the user's org, newest first. */
export function listTasks(paging: Paging = {}): Promise<Page<Task>> {
  return request<Page<Task>>(`/tasks${toQuery({ ...paging })}`);
}

export function getTask(taskId: number): Promise<Task> {
  return request<Task>(taskPath(taskId));
}

/** The query string of a node list (also the drill-down of a bulletin's numbers). */
export function assignmentQuery(filters: AssignmentFilters): string {
  return toQuery({
    org: filters.org,
    subtree: filters.subtree === undefined ? undefined : filters.subtree ? 1 : 0,
    executing: filters.executing ? 1 : undefined,
    state: filters.state,
    task: filters.task,
    deadline_from: filters.deadline_from,
    deadline_to: filters.deadline_to,
    as_of: filters.as_of,
    page: filters.page,
    page_size: filters.page_size,
  });
}

export function listAssignments(filters: AssignmentFilters = {}): Promise<Page<Assignment>> {
  return request<Page<Assignment>>(`/task-assignments${assignmentQuery(filters)}`);
}

export function getAssignment(assignmentId: number): Promise<AssignmentDetail> {
  return request<AssignmentDetail>(assignmentPath(assignmentId));
}

/** The nodes one level below, by org name. */
export async function listAssignmentChildren(assignmentId: number): Promise<Assignment[]> {
  return (await request<{ items: Assignment[] }>(`${assignmentPath(assignmentId)}/children`)).items;
}

/** Passes a node on to orgs below; returns the new nodes. */
export async function decomposeAssignment(
  assignmentId: number,
  input: DecomposeInput,
): Promise<Assignment[]> {
  const body = await request<{ items: Assignment[] }>(`${assignmentPath(assignmentId)}/decompose`, {
    method: 'POST',
    body: input,
  });
  return body.items;
}

/** Stores an evidence file for the node; the report then names it by id. */
export function uploadAssignmentAttachment(assignmentId: number, file: File): Promise<Attachment> {
  return uploadFile<Attachment>(`${assignmentPath(assignmentId)}/attachments`, file);
}

export function createReport(assignmentId: number, input: ReportInput): Promise<ProgressReport> {
  return request<ProgressReport>(`${assignmentPath(assignmentId)}/reports`, {
    method: 'POST',
    body: input,
  });
}

/** Reports waiting for the user's org to review (their node's parent is the org's). */
export function listReviews(paging: Paging = {}): Promise<Page<Review>> {
  return request<Page<Review>>(`/reviews${toQuery({ ...paging })}`);
}

export function acceptReport(reportId: number): Promise<ProgressReport> {
  return request<ProgressReport>(`${reportPath(reportId)}/accept`, { method: 'POST' });
}

export function returnReport(reportId: number, reason: string): Promise<ProgressReport> {
  return request<ProgressReport>(`${reportPath(reportId)}/return`, {
    method: 'POST',
    body: { reason },
  });
}

/** Where the browser downloads an attachment (the session cookie goes along). */
export function attachmentUrl(attachmentId: number): string {
  return `${API_BASE}/attachments/${encodeURIComponent(attachmentId)}`;
}
