import { request, toQuery, uploadFile, type Page, type Paging } from './client';
import type { NamedRef, OrgRef } from './org';
import type { Attachment } from './task';

export const SUPERVISION_STATES = ['open', 'answered', 'closed'] as const;
/** open (awaiting rectification), answered (awaiting verification), closed (verified). */
export type SupervisionState = (typeof SUPERVISION_STATES)[number];
/** List filters: a state now, or as of a time: unclosed (open or answered), overdue (unclosed past the deadline). */
export const SUPERVISION_FILTERS = [...SUPERVISION_STATES, 'unclosed', 'overdue'] as const;
export type SupervisionFilter = (typeof SUPERVISION_FILTERS)[number];

/** 督办: from an org to an org below it, about a task node or a duty item. */
export interface Supervision {
  id: number;
  issuer: OrgRef;
  target: OrgRef;
  assignment?: { id: number; task_title: string } | null;
  duty_item?: { id: number; description: string } | null;
  title: string;
  requirement: string;
  deadline: string;
  state: SupervisionState;
  overdue: boolean;
  created_at: string;
  closed_at?: string | null;
}

export type SupervisionEventKind =
  'issued' | 'rectification' | 'verified' | 'returned' | 'follow_up';

export interface SupervisionEvent {
  id: number;
  kind: SupervisionEventKind;
  org: NamedRef;
  user?: { id: number; display_name: string } | null;
  text: string;
  at: string;
  attachments: Attachment[];
}

export interface SupervisionDetail extends Supervision {
  events: SupervisionEvent[];
  can_rectify: boolean;
  can_verify: boolean;
}

export interface SupervisionInput {
  target_org_id: number;
  assignment_id?: number;
  duty_item_id?: number;
  title: string;
  requirement: string;
  deadline: string;
}

export type SupervisionView = 'issued' | 'received' | 'all';

export interface SupervisionFilters extends Paging {
  view?: SupervisionView;
  state?: SupervisionFilter;
  org?: number;
  as_of?: string;
}

/** 问责: a measure taken against an org over a failed task, supervision or duty item. */
export interface Accountability {
  id: number;
  org: OrgRef;
  target: OrgRef;
  assignment?: { id: number; task_title?: string } | null;
  supervision?: { id: number; title?: string } | null;
  duty_item?: { id: number; description?: string } | null;
  measure: string;
  subject: string;
  reason: string;
  decided_on: string;
  created_at: string;
}

export interface AccountabilityInput {
  target_org_id: number;
  assignment_id?: number;
  supervision_id?: number;
  duty_item_id?: number;
  measure: string;
  subject: string;
  reason: string;
  decided_on: string;
}

function supervisionPath(supervisionId: number): string {
  return `/supervisions/${encodeURIComponent(supervisionId)}`;
}

/** Starts a supervision of an org strictly below the user's; the target is notified. */
export function createSupervision(input: SupervisionInput): Promise<Supervision> {
  return request<Supervision>('/supervisions', { method: 'POST', body: input });
}

/** The query string of a supervision list (also a bulletin's drill-down). */
export function supervisionQuery(filters: SupervisionFilters): string {
  return toQuery({ ...filters });
}

export function listSupervisions(filters: SupervisionFilters = {}): Promise<Page<Supervision>> {
  return request<Page<Supervision>>(`/supervisions${supervisionQuery(filters)}`);
}

export function getSupervision(supervisionId: number): Promise<SupervisionDetail> {
  return request<SupervisionDetail>(supervisionPath(supervisionId));
}

export function uploadSupervisionAttachment(
  supervisionId: number,
  file: File,
): Promise<Attachment> {
  return uploadFile<Attachment>(`${supervisionPath(supervisionId)}/attachments`, file);
}

/** The target's 整改 answer; the supervision waits for the issuer's verification. */
export function rectifySupervision(
  supervisionId: number,
  input: { text: string; attachment_ids: number[] },
): Promise<Supervision> {
  return request<Supervision>(`${supervisionPath(supervisionId)}/rectifications`, {
    method: 'POST',
    body: input,
  });
}

/** 验收通过: closes an answered supervision. */
export function verifySupervision(supervisionId: number, text?: string): Promise<Supervision> {
  return request<Supervision>(`${supervisionPath(supervisionId)}/verify`, {
    method: 'POST',
    body: text ? { text } : {},
  });
}

/** Sends an answered supervision back to the target, open again. */
export function returnSupervision(supervisionId: number, reason: string): Promise<Supervision> {
  return request<Supervision>(`${supervisionPath(supervisionId)}/return`, {
    method: 'POST',
    body: { reason },
  });
}

/** 跟踪问效: a note of the issuer's follow-up on results. */
export function addFollowUp(supervisionId: number, text: string): Promise<unknown> {
  return request<unknown>(`${supervisionPath(supervisionId)}/follow-ups`, {
    method: 'POST',
    body: { text },
  });
}

export function listAccountabilities(
  filters: { org?: number } & Paging = {},
): Promise<Page<Accountability>> {
  return request<Page<Accountability>>(`/accountabilities${toQuery({ ...filters })}`);
}

export function createAccountability(input: AccountabilityInput): Promise<Accountability> {
  return request<Accountability>('/accountabilities', { method: 'POST', body: input });
}
