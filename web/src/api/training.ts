import { request, toQuery, type ImportResult, type Page, type Paging } from './client';
import type { NamedRef } from './org';

/** The department owning a part of the workforce: 人社 / 财政 / 民政 / 组织. */
export type Department = 'hr' | 'finance' | 'civil_affairs' | 'organisation';

export interface WorkforceOwner {
  part: string;
  department: Department;
  permission: string;
}

export interface Qualification {
  id: number;
  name: string;
  /** Monthly, fen. */
  allowance: number;
  sort_order: number;
}

export interface WorkerQualification {
  id: number;
  worker: NamedRef;
  org: NamedRef;
  street: NamedRef | null;
  qualification: Qualification;
  issued_on: string;
  expires_on: string | null;
}

export interface Course {
  id: number;
  org: NamedRef;
  level: string;
  name: string;
  hours: number;
}

export interface RequirementBand {
  post: string;
  min_grade: number;
  max_grade: number;
  hours: number;
}

export interface RequirementSet {
  org: NamedRef;
  year: number;
  items: RequirementBand[];
}

export interface TrainingRecord {
  id: number;
  worker: NamedRef;
  org: NamedRef;
  course: NamedRef;
  completed_on: string;
  hours: number;
}

export interface TrainingHours {
  worker: NamedRef;
  org: NamedRef;
  street: NamedRef | null;
  post: string;
  grade: number;
  required: number;
  completed: number;
  shortfall: number;
}

export interface HoursPage extends Page<TrainingHours> {
  workers: number;
  short_workers: number;
}

export interface StaffingLine {
  org: NamedRef | null;
  street: NamedRef | null;
  communities: number;
  has_guarantee: boolean;
  households: number;
  population: number;
  office_space: number;
  service_space: number;
  /** Fen per year. */
  operating_funds: number;
  service_funds: number;
  required: number;
  in_post: number;
  shortfall: number;
  excess: number;
}

export interface EstablishmentQuota {
  org: NamedRef;
  year: number;
  kind: 'public_institution' | 'community_post' | 'other';
  allotted: number;
  used: number;
  remaining: number;
}

export interface StaffingNorm {
  id: number;
  org: NamedRef;
  name: string;
  effective_from_year: number;
  bands: { from_households: number; headcount: number }[];
  step_from: number;
  step_households: number;
  max_headcount: number;
}

export interface StaffingReport {
  org: NamedRef;
  level: string;
  year: number;
  norm: StaffingNorm | null;
  total: StaffingLine;
  streets: StaffingLine[];
  communities: StaffingLine[];
  quotas: EstablishmentQuota[];
}

export function listOwners(): Promise<{ items: WorkforceOwner[] }> {
  return request('/workforce-owners');
}

export function listQualifications(): Promise<{ items: Qualification[] }> {
  return request('/qualifications');
}

export function addWorkerQualification(
  workerId: number,
  qualificationId: number,
  issuedOn: string,
  expiresOn: string | null,
): Promise<WorkerQualification> {
  return request(`/workers/${encodeURIComponent(workerId)}/qualifications`, {
    method: 'POST',
    body: { qualification_id: qualificationId, issued_on: issuedOn, expires_on: expiresOn },
  });
}

/** A page of the in-post workers' qualifications expiring within `withinDays`, soonest first. */
export function listExpiring(
  org: number | undefined,
  withinDays: number,
  page = 1,
  pageSize = 20,
): Promise<{ items: WorkerQualification[]; total: number }> {
  return request(
    `/worker-qualifications/expiring${toQuery({ org, within_days: withinDays, page, page_size: pageSize })}`,
  );
}

export function listCourses(org?: number): Promise<{ items: Course[] }> {
  return request(`/courses${toQuery({ org })}`);
}

export function createCourse(orgId: number, name: string, hours: number): Promise<Course> {
  return request('/courses', { method: 'POST', body: { org_id: orgId, name, hours } });
}

export function listRequirements(
  org: number | undefined,
  year: number,
): Promise<{ items: RequirementSet[] }> {
  return request(`/training-requirements${toQuery({ org, year })}`);
}

export function setRequirements(
  orgId: number,
  year: number,
  items: RequirementBand[],
): Promise<RequirementSet> {
  return request('/training-requirements', {
    method: 'PUT',
    body: { org_id: orgId, year, items },
  });
}

export function listRecords(
  filters: { org?: number; year: number; worker?: number } & Paging,
): Promise<Page<TrainingRecord>> {
  return request(`/training-records${toQuery({ ...filters })}`);
}

export function addRecord(
  workerId: number,
  courseId: number,
  completedOn: string,
  hours?: number,
): Promise<TrainingRecord> {
  return request('/training-records', {
    method: 'POST',
    body: { worker_id: workerId, course_id: courseId, completed_on: completedOn, hours },
  });
}

/** Sends spreadsheet rows; row errors refer to indexes of `rows`. */
export function importRecords(rows: Record<string, unknown>[]): Promise<ImportResult> {
  return request('/training-records/import', { method: 'POST', body: { rows } });
}

export function listHours(
  filters: { org?: number; year: number; shortfall?: boolean } & Paging,
): Promise<HoursPage> {
  return request(`/training-hours${toQuery({ ...filters })}`);
}

export function getStaffing(org: number | undefined, year?: number): Promise<StaffingReport> {
  return request(`/staffing${toQuery({ org, year })}`);
}

export function saveGuarantee(body: {
  org_id: number;
  year: number;
  households: number;
  population: number;
  office_space: number;
  service_space: number;
}): Promise<unknown> {
  return request('/community-guarantees', { method: 'PUT', body });
}

export function saveFunds(body: {
  org_id: number;
  year: number;
  operating_funds: number;
  service_funds: number;
}): Promise<unknown> {
  return request('/community-funds', { method: 'PUT', body });
}
