import {
  request,
  requestFile,
  toQuery,
  type DownloadedFile,
  type Page,
  type Paging,
} from './client';
import type { OrgLevel } from './org';

/** 场地开放, 资金支持 (fen), 志愿服务队, 服务项目, 结对帮扶, 意见建议. */
export const COMMITMENT_KINDS = [
  'venue',
  'funds',
  'volunteer_team',
  'service',
  'paired_households',
  'suggestions',
] as const;
export type CommitmentKind = (typeof COMMITMENT_KINDS)[number];

/** How often the quantity is due: once over the term, or per month, quarter or year. */
export const RHYTHMS = ['once', 'monthly', 'quarterly', 'yearly'] as const;
export type Rhythm = (typeof RHYTHMS)[number];

/** An agreement's state on the day asked about. */
export const AGREEMENT_STATES = ['upcoming', 'active', 'expiring', 'ended', 'terminated'] as const;
export type AgreementState = (typeof AGREEMENT_STATES)[number];
/**
 * The list's state filter: in force is active or expiring; an ended agreement includes a
 * terminated one.
 */
export const AGREEMENT_FILTERS = ['upcoming', 'in_force', 'active', 'expiring', 'ended'] as const;
export type AgreementFilterState = (typeof AGREEMENT_FILTERS)[number];

/** upcoming (quarter not begun), due (open), filed, late_filed, missing (past due, not filed). */
export type ReportStatus = 'upcoming' | 'due' | 'filed' | 'late_filed' | 'missing';

/** 共建协议 as the list shows it. */
export interface Agreement {
  id: number;
  org: { id: number; name: string; level: OrgLevel };
  title: string;
  org_head: string;
  org_liaison: string;
  signed_on: string;
  start_on: string;
  end_on: string;
  predecessor_id: number | null;
  successor_id: number | null;
  terminated_on: string | null;
  termination_reason: string;
  state: AgreementState;
  /** Reports filed after their due date, or past due and missing, as of today. */
  late_reports: number;
  unit_names: string[];
  created_at: string;
}

export interface AgreementParty {
  id: number;
  unit: { id: number; name: string };
  head: string;
  liaison: string;
}

export interface AgreementCommitment {
  id: number;
  kind: CommitmentKind;
  description: string;
  quantity: number;
  rhythm: Rhythm;
  /** Due by the day asked about, and delivered by then. */
  expected: number;
  delivered: number;
}

export interface CommitmentDelivery {
  id: number;
  commitment_id: number;
  delivered_on: string;
  quantity: number;
  text: string;
  recorded_by: string;
  recorded_at: string;
}

export interface AgreementReport {
  id: number;
  party_id: number;
  unit_name: string;
  period_start: string;
  period_end: string;
  due_on: string;
  text: string | null;
  filed_on: string | null;
  filed_at: string | null;
  filed_by: string;
  status: ReportStatus;
  late: boolean;
  /** Open, and the viewer may file it (a unit's own user: its own unit's reports only). */
  can_file: boolean;
}

export interface Fulfilment {
  as_of: string;
  reports_due: number;
  reports_on_time: number;
  reports_late: number;
  commitments_expected: number;
  commitments_delivered: number;
}

export interface AgreementDetail extends Agreement {
  parties: AgreementParty[];
  commitments: AgreementCommitment[];
  deliveries: CommitmentDelivery[];
  reports: AgreementReport[];
  fulfilment: Fulfilment;
  can_write: boolean;
  can_report: boolean;
}

export interface CommitmentInput {
  kind: CommitmentKind;
  description: string;
  quantity: number;
  rhythm: Rhythm;
}

export interface AgreementInput {
  org_id: number;
  title: string;
  org_head: string;
  org_liaison: string;
  signed_on: string;
  start_on: string;
  end_on: string;
  parties: { unit_id: number; head: string; liaison: string }[];
  commitments: CommitmentInput[];
}

export interface AgreementFilters extends Paging {
  org?: number;
  state?: AgreementFilterState;
  late?: boolean;
  /** Only agreements whose next report not filed falls due within 30 days. */
  due?: boolean;
  q?: string;
}

/** "五个一": one line each for a venue, a volunteer team, a service, paired households, suggestions. */
export function fiveOnesTemplate(): CommitmentInput[] {
  return [
    {
      kind: 'venue',
      description: '开放一处活动场地，供社区开展党组织活动和居民活动',
      quantity: 1,
      rhythm: 'monthly',
    },
    {
      kind: 'volunteer_team',
      description: '组建一支党员志愿服务队，参与社区志愿服务',
      quantity: 1,
      rhythm: 'once',
    },
    {
      kind: 'service',
      description: '认领一个社区服务项目并负责实施',
      quantity: 1,
      rhythm: 'quarterly',
    },
    { kind: 'paired_households', description: '结对帮扶一批困难家庭', quantity: 3, rhythm: 'once' },
    {
      kind: 'suggestions',
      description: '每年提出一条社区治理意见建议',
      quantity: 1,
      rhythm: 'yearly',
    },
  ];
}

export function agreementQuery(filters: AgreementFilters): string {
  return toQuery({ ...filters, q: filters.q?.trim() });
}

export function listAgreements(filters: AgreementFilters = {}): Promise<Page<Agreement>> {
  return request<Page<Agreement>>(`/agreements${agreementQuery(filters)}`);
}

export function exportAgreements(filters: AgreementFilters): Promise<DownloadedFile> {
  return requestFile(
    `/agreements/export${agreementQuery({ ...filters, page: undefined, page_size: undefined })}`,
  );
}

export function getAgreement(id: number, asOf?: string): Promise<AgreementDetail> {
  return request<AgreementDetail>(`/agreements/${id}${toQuery({ as_of: asOf })}`);
}

export function createAgreement(input: AgreementInput): Promise<AgreementDetail> {
  return request<AgreementDetail>('/agreements', { method: 'POST', body: input });
}

export function fileAgreementReport(
  id: number,
  reportId: number,
  text: string,
): Promise<AgreementDetail> {
  return request<AgreementDetail>(`/agreements/${id}/reports`, {
    method: 'POST',
    body: { report_id: reportId, text },
  });
}

export function recordDelivery(
  id: number,
  input: { commitment_id: number; delivered_on: string; quantity: number; text: string },
): Promise<AgreementDetail> {
  return request<AgreementDetail>(`/agreements/${id}/deliveries`, { method: 'POST', body: input });
}

export function terminateAgreement(id: number, reason: string): Promise<AgreementDetail> {
  return request<AgreementDetail>(`/agreements/${id}/terminate`, {
    method: 'POST',
    body: { reason },
  });
}

export function renewAgreement(
  id: number,
  input: { end_on: string; start_on?: string },
): Promise<AgreementDetail> {
  return request<AgreementDetail>(`/agreements/${id}/renew`, { method: 'POST', body: input });
}
