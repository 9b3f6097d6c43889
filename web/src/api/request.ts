import { API_BASE, request, toQuery, uploadFile, type Page, type Paging } from './client';
import type { Attachment } from './task';

/** An org as the requests' API names it: an agency's level is `agency`. */
export interface RequestOrg {
  id: number;
  name: string;
  level: string;
}

export const REQUEST_CHANNELS = ['hotline', 'street', 'grid', 'mobile', 'partner'] as const;
export type RequestChannel = (typeof REQUEST_CHANNELS)[number];

export const OWNER_KINDS = ['community', 'street', 'agency'] as const;
export type OwnerKind = (typeof OWNER_KINDS)[number];

/** A node of the catalogue; a leaf names its owner kind (and agency kind) and SLA class. */
export interface RequestCategory {
  id: number;
  /** "03.02.05": the path from the top. */
  code: string;
  parent_code: string | null;
  name: string;
  /** "噪声扰民 / 社会生活噪声 / 邻里噪声". */
  full_name: string;
  depth: number;
  leaf: boolean;
  owner_kind: OwnerKind | null;
  agency_kind: string | null;
  sla_class: string | null;
  archived: boolean;
}

export interface SlaClass {
  code: string;
  name: string;
  sign_for_minutes: number;
  contact_minutes: number;
  resolution_minutes: number;
  warning_minutes: number;
  max_extension_days: number;
}

export interface AgencyKind {
  code: string;
  name: string;
  department: string;
}

/** An agency (派出机构) with the streets it serves. */
export interface Agency {
  org: RequestOrg;
  kind: string;
  kind_name: string;
  department: string;
  streets: RequestOrg[];
}

export type RequestState = 'dispatched' | 'in_hand' | 'replied' | 'closed';
export type Satisfaction = 'satisfied' | 'basically_satisfied' | 'unsatisfied';
export const SATISFACTIONS: readonly Satisfaction[] = [
  'satisfied',
  'basically_satisfied',
  'unsatisfied',
];

/** Which clocks have run out: sign-for, first contact, resolution. */
export interface Lateness {
  sign_for: boolean;
  contact: boolean;
  resolution: boolean;
}

/** A resident's request (工单); the resident's name and phone come masked. */
export interface ResidentRequest {
  id: number;
  channel: RequestChannel;
  category: { id: number; code: string; name: string };
  sla_class: string;
  title: string;
  description: string;
  address: string;
  latitude: number | null;
  longitude: number | null;
  resident_name: string;
  resident_phone: string;
  territory: RequestOrg;
  first_receiver: RequestOrg;
  owner: RequestOrg;
  state: RequestState;
  arrived_by_return: boolean;
  received_at: string;
  received_month: string;
  dispatched_at: string;
  sign_for_due: string;
  signed_at: string | null;
  contact_due: string;
  contacted_at: string | null;
  resolution_due: string;
  extension_days: number;
  replied_at: string | null;
  reply: string;
  satisfaction: Satisfaction | null;
  resolved: boolean | null;
  rated_at: string | null;
  closed_at: string | null;
  return_count: number;
  reopen_count: number;
  late: Lateness;
}

export interface RequestStep {
  id: number;
  kind: string;
  org: RequestOrg;
  user: { id: number; display_name: string } | null;
  target: RequestOrg | null;
  text: string;
  at: string;
  /** Evidence the owner linked to this note or reply. */
  attachments: Attachment[];
}

export interface RequestExtension {
  id: number;
  org: RequestOrg;
  approver: RequestOrg;
  days: number;
  reason: string;
  state: 'pending' | 'approved' | 'refused';
  asked_at: string;
  decided_at: string | null;
  decision_text: string;
}

export interface RequestDetail extends ResidentRequest {
  steps: RequestStep[];
  extensions: RequestExtension[];
  can_sign: boolean;
  /** Contact, note, reply, return, dispatch onward, ask an extension. */
  can_handle: boolean;
  can_decide_extension: boolean;
  can_rate: boolean;
  can_reopen: boolean;
  max_extension_days_left: number;
}

export const REQUEST_QUEUES = [
  'to_sign',
  'in_hand',
  'overdue',
  'returned',
  'to_rate',
  'extensions',
  'territory',
  'taken',
] as const;
export type RequestQueue = (typeof REQUEST_QUEUES)[number];

/** The tally items: the counts of the 三率, each the measure of a drill-down. */
export const RATE_COUNTS = [
  'received',
  'responded',
  'replied',
  'on_time',
  'rated',
  'resolved',
  'satisfied',
  'basically_satisfied',
  'unsatisfied',
  'returned',
  'reopened',
] as const;
export type RateCount = (typeof RATE_COUNTS)[number];

export const RATE_NAMES = [
  'response',
  'resolution',
  'satisfaction',
  'on_time',
  'return',
  'reopen',
] as const;
export type RateName = (typeof RATE_NAMES)[number];

export interface Tally {
  counts: Record<RateCount, number>;
  /** Fractions 0..1, null when there is nothing to divide. */
  rates: Record<RateName, number | null>;
}

export interface Rates extends Tally {
  org: RequestOrg;
  month: string;
  children: (Tally & { org: RequestOrg })[];
  /** The twelve months up to `month`. */
  trend: (Tally & { month: string })[];
}

export interface RequestFilters extends Paging {
  org?: number;
  queue?: RequestQueue;
  state?: RequestState;
  month?: string;
  measure?: RateCount;
  category?: string;
}

export interface NewRequest {
  channel: RequestChannel;
  category_id: number;
  title: string;
  description: string;
  address?: string;
  resident_name?: string;
  resident_phone?: string;
  territory_org_id: number;
  owner_org_id?: number;
}

export interface NewCategory {
  parent_code?: string;
  name: string;
  owner_kind?: OwnerKind;
  agency_kind?: string;
  sla_class?: string;
}

export interface CategoryChanges {
  name?: string;
  owner_kind?: OwnerKind;
  agency_kind?: string | null;
  sla_class?: string;
  archived?: boolean;
}

function requestPath(id: number, suffix = ''): string {
  return `/requests/${encodeURIComponent(id)}${suffix}`;
}

async function items<T>(path: string): Promise<T[]> {
  return (await request<{ items: T[] }>(path)).items;
}

export function listCategories(): Promise<RequestCategory[]> {
  return items<RequestCategory>('/request-categories');
}

export function createCategory(input: NewCategory): Promise<RequestCategory> {
  return request<RequestCategory>('/request-categories', { method: 'POST', body: input });
}

export function updateCategory(id: number, changes: CategoryChanges): Promise<RequestCategory> {
  return request<RequestCategory>(`/request-categories/${encodeURIComponent(id)}`, {
    method: 'PATCH',
    body: changes,
  });
}

export function listSlaClasses(): Promise<SlaClass[]> {
  return items<SlaClass>('/request-sla-classes');
}

export function updateSlaClass(input: SlaClass): Promise<SlaClass> {
  const { code, ...body } = input;
  return request<SlaClass>(`/request-sla-classes/${encodeURIComponent(code)}`, {
    method: 'PUT',
    body,
  });
}

export function listAgencyKinds(): Promise<AgencyKind[]> {
  return items<AgencyKind>('/agency-kinds');
}

export function listAgencies(): Promise<Agency[]> {
  return items<Agency>('/agencies');
}

export function createRequest(input: NewRequest): Promise<ResidentRequest> {
  return request<ResidentRequest>('/requests', { method: 'POST', body: input });
}

export function listRequests(filters: RequestFilters): Promise<Page<ResidentRequest>> {
  return request<Page<ResidentRequest>>(`/requests${toQuery({ ...filters })}`);
}

export function getRequest(id: number): Promise<RequestDetail> {
  return request<RequestDetail>(requestPath(id));
}

/** The orgs that may own the request: its street, the street's communities, the agencies serving it. */
export function listOwners(id: number): Promise<RequestOrg[]> {
  return items<RequestOrg>(requestPath(id, '/owners'));
}

/** The resident's name and phone in the clear (the owner or the first receiver; audited). */
export function getResident(id: number): Promise<{ name: string; phone: string }> {
  return request<{ name: string; phone: string }>(requestPath(id, '/resident'));
}

function act(id: number, action: string, body: object = {}): Promise<ResidentRequest> {
  return request<ResidentRequest>(requestPath(id, `/${action}`), { method: 'POST', body });
}

export function signRequest(id: number): Promise<ResidentRequest> {
  return act(id, 'sign');
}

export function dispatchRequest(id: number, ownerOrgId: number, text: string) {
  return act(id, 'dispatch', { owner_org_id: ownerOrgId, text });
}

export function returnRequest(id: number, ownerOrgId: number, reason: string) {
  return act(id, 'return', { owner_org_id: ownerOrgId, reason });
}

export function contactResident(id: number, text: string) {
  return act(id, 'contact', { text });
}

export function addRequestNote(id: number, text: string, attachmentIds: number[] = []) {
  return act(id, 'notes', { text, attachment_ids: attachmentIds });
}

/** An evidence file for the request, uploaded by its owner; a note or the reply then links it. */
export function uploadRequestAttachment(id: number, file: File): Promise<Attachment> {
  return uploadFile<Attachment>(requestPath(id, '/attachments'), file);
}

/** Where a request's evidence file downloads from. */
export function requestAttachmentUrl(id: number, attachmentId: number): string {
  return API_BASE + requestPath(id, `/attachments/${encodeURIComponent(attachmentId)}`);
}

export function askExtension(id: number, days: number, reason: string) {
  return act(id, 'extensions', { days, reason });
}

export function decideExtension(id: number, extensionId: number, approve: boolean, text: string) {
  return act(id, `extensions/${encodeURIComponent(extensionId)}/decision`, { approve, text });
}

export function replyRequest(id: number, text: string, attachmentIds: number[] = []) {
  return act(id, 'reply', { text, attachment_ids: attachmentIds });
}

export function rateRequest(
  id: number,
  satisfaction: Satisfaction,
  resolved: boolean,
  text: string,
) {
  return act(id, 'rating', { satisfaction, resolved, text });
}

export function reopenRequest(id: number, reason: string) {
  return act(id, 'reopen', { reason });
}

export function getRequestRates(org?: number, month?: string): Promise<Rates> {
  return request<Rates>(`/request-rates${toQuery({ org, month })}`);
}

/** A partner system of Open311 GeoReport v2 (/open311/v2/), acting as its system account. */
export interface Open311Partner {
  id: number;
  name: string;
  org: { id: number; name: string };
  username: string;
  /** The first characters of its api_key, to tell keys apart. */
  key_hint: string;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
  revoke_reason: string;
  request_count: number;
}

export function listOpen311Partners(): Promise<Open311Partner[]> {
  return items<Open311Partner>('/open311-partners');
}

/** Issues a partner's api_key: answered this once, stored only as a hash. */
export function createOpen311Partner(input: {
  name: string;
  org_id: number;
}): Promise<Open311Partner & { api_key: string }> {
  return request<Open311Partner & { api_key: string }>('/open311-partners', {
    method: 'POST',
    body: input,
  });
}

export function revokeOpen311Partner(id: number, reason: string): Promise<Open311Partner> {
  return request<Open311Partner>(`/open311-partners/${encodeURIComponent(id)}/revoke`, {
    method: 'POST',
    body: { reason },
  });
}
