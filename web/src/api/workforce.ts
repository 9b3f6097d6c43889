import {
  request,
  requestFile,
  toQuery,
  type DownloadedFile,
  type ImportResult,
  type Page,
  type Paging,
} from './client';
import type { NamedRef } from './org';

export const WORKER_STATUSES = ['in_post', 'left', 'retired'] as const;
/** 在岗 / 离职 / 退休. */
export type WorkerStatus = (typeof WORKER_STATUSES)[number];
export const EDUCATIONS = ['high_school', 'associate', 'bachelor', 'master', 'doctor'] as const;
export type Education = (typeof EDUCATIONS)[number];
export const APPRAISAL_RESULTS = [
  'excellent',
  'competent',
  'basically_competent',
  'incompetent',
] as const;
/** 优秀 / 称职 / 基本称职 / 不称职. */
export type AppraisalResult = (typeof APPRAISAL_RESULTS)[number];
export const PROPOSAL_CHANGES = ['promoted', 'early', 'held'] as const;
/** 晋级 / 提前晋级 / 不变. */
export type ProposalChange = (typeof PROPOSAL_CHANGES)[number];

export interface SchemePost {
  post: string;
  name: string;
  min_grade: number;
  max_grade: number;
}

export interface PayCell {
  post: string;
  grade: number;
  /** Fen. */
  base_pay: number;
  /** Fen. */
  allowance: number;
  total?: number;
}

/** A grade scheme version's rules and pay table; a shipped template has the same shape. */
export interface SchemeDefinition {
  name: string;
  template: string;
  effective_from_year: number;
  effective_to_year: number | null;
  step_years: number;
  early_after_excellent: number;
  early_max: number;
  delay_years: number;
  posts: SchemePost[];
  degrees: { degree: Education; credited_years: number }[];
  pay: PayCell[];
}

export interface Scheme extends SchemeDefinition {
  id: number;
  org: NamedRef;
  updated_at: string;
}

export interface WorkerEvent {
  id: number;
  kind: string;
  effective_on: string;
  from: string;
  to: string;
  regrading_run_id: number | null;
  explanation: string;
  created_at: string;
}

/** A community worker as the server sends it: ID number and phone always masked. */
export interface Worker {
  id: number;
  org: NamedRef;
  name: string;
  gender: 'male' | 'female';
  birth_year: string;
  id_number: string;
  phone: string;
  post: string;
  post_name?: string;
  grade: number;
  grade_since: string;
  early_steps_used: number;
  service_start: string;
  education: Education;
  status: WorkerStatus;
  member: NamedRef | null;
  pay?: { base_pay: number; allowance: number; qualification_allowance?: number; total: number };
  qualifications?: {
    id: number;
    qualification_id: number;
    name: string;
    allowance: number;
    issued_on: string;
    expires_on: string | null;
  }[];
  /** This year's training hours against the requirement (in post only). */
  training?: { completed: number; required: number };
  events?: WorkerEvent[];
  appraisals?: { year: number; result: AppraisalResult }[];
}

export interface WorkerFilters extends Paging {
  org?: number;
  q?: string;
  status?: WorkerStatus;
  post?: string;
}

export interface StreetReview {
  street: NamedRef;
  proposals: number;
  changes: number;
  reviewed_at: string | null;
}

export interface RegradingRun {
  id: number;
  org: NamedRef;
  year: number;
  effective_on: string;
  status: 'draft' | 'approved' | 'reverted';
  computed_at: string;
  approved_at: string | null;
  reverted_at: string | null;
  revert_reason: string;
  counts: Partial<Record<ProposalChange, number>>;
  streets: StreetReview[];
}

export interface Proposal {
  worker: NamedRef;
  org: NamedRef;
  post: string;
  change: ProposalChange;
  from_grade: number;
  to_grade: number;
  explanation: string;
}

export function listSchemeTemplates(): Promise<{ items: SchemeDefinition[] }> {
  return request('/grade-scheme-templates');
}

export function listSchemes(org?: number): Promise<{ items: Scheme[] }> {
  return request(`/grade-schemes${toQuery({ org })}`);
}

export function createScheme(orgId: number, definition: SchemeDefinition): Promise<Scheme> {
  return request('/grade-schemes', { method: 'POST', body: { ...definition, org_id: orgId } });
}

export function updateScheme(id: number, definition: SchemeDefinition): Promise<Scheme> {
  return request(`/grade-schemes/${encodeURIComponent(id)}`, { method: 'PUT', body: definition });
}

export function listWorkers(filters: WorkerFilters): Promise<Page<Worker>> {
  return request(
    `/workers${toQuery({
      org: filters.org,
      q: filters.q?.trim(),
      status: filters.status,
      post: filters.post,
      page: filters.page,
      page_size: filters.page_size,
    })}`,
  );
}

export function getWorker(id: number): Promise<Worker> {
  return request(`/workers/${encodeURIComponent(id)}`);
}

/** Changes a worker from a day on; each change becomes a timeline event. */
export function updateWorker(id: number, changes: Record<string, unknown>): Promise<Worker> {
  return request(`/workers/${encodeURIComponent(id)}`, { method: 'PATCH', body: changes });
}

export function addAppraisal(
  workerId: number,
  year: number,
  result: AppraisalResult,
): Promise<Worker> {
  return request(`/workers/${encodeURIComponent(workerId)}/appraisals`, {
    method: 'POST',
    body: { year, result },
  });
}

/** Sends spreadsheet rows; row errors refer to indexes of `rows`. */
export function importWorkers(rows: Record<string, unknown>[]): Promise<ImportResult> {
  return request('/workers/import', { method: 'POST', body: { rows } });
}

export function importAppraisals(rows: Record<string, unknown>[]): Promise<ImportResult> {
  return request('/appraisals/import', { method: 'POST', body: { rows } });
}

export function listRuns(org?: number): Promise<{ items: RegradingRun[] }> {
  return request(`/regrading-runs${toQuery({ org })}`);
}

export function getRun(id: number): Promise<RegradingRun> {
  return request(`/regrading-runs/${encodeURIComponent(id)}`);
}

/** Computes the run of the jurisdiction and year, or recomputes it until it is approved. */
export function computeRun(orgId: number, year: number): Promise<RegradingRun> {
  return request('/regrading-runs', { method: 'POST', body: { org_id: orgId, year } });
}

export function listProposals(
  runId: number,
  change: ProposalChange | undefined,
  paging: Paging,
): Promise<Page<Proposal>> {
  return request(
    `/regrading-runs/${encodeURIComponent(runId)}/proposals${toQuery({ change, ...paging })}`,
  );
}

export function reviewRun(runId: number, streetId?: number): Promise<RegradingRun> {
  return request(`/regrading-runs/${encodeURIComponent(runId)}/reviews`, {
    method: 'POST',
    body: streetId === undefined ? {} : { street_id: streetId },
  });
}

export function approveRun(runId: number): Promise<RegradingRun> {
  return request(`/regrading-runs/${encodeURIComponent(runId)}/approve`, { method: 'POST' });
}

export function revertRun(runId: number, reason: string): Promise<RegradingRun> {
  return request(`/regrading-runs/${encodeURIComponent(runId)}/revert`, {
    method: 'POST',
    body: { reason },
  });
}

export function exportPayRoster(org: number | undefined, year: number): Promise<DownloadedFile> {
  return requestFile(`/pay-roster${toQuery({ org, year })}`);
}

/** Fen as yuan, with two decimals: 350000 → "3500.00". */
export function yuan(fen: number): string {
  return (fen / 100).toFixed(2);
}
