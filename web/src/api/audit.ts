import {
  request,
  requestFile,
  toQuery,
  type DownloadedFile,
  type Page,
  type Paging,
} from './client';

/** One row of the audit log. */
export interface AuditRecord {
  id: number;
  /** Unix seconds. */
  at: number;
  user_id: number | null;
  username: string;
  org_id: number | null;
  org_name: string;
  action: string;
  target_kind: string;
  target_id: number | null;
  /** `ok`, `failed`, `denied`, `disabled` … */
  result: string;
  remote_address: string;
  request_id: string;
  detail: string;
}

export interface AuditFilters {
  /** YYYY-MM-DD in China time, inclusive. */
  from?: string;
  to?: string;
  /** A prefix: `auth.` finds every login and logout. */
  action?: string;
  result?: string;
  username?: string;
}

/** What checking the hash chain found; `broken_at` is the id of the first row that does not fit. */
export interface ChainReport {
  intact: boolean;
  rows: number;
  broken_at: number | null;
  reason: string;
}

/** Rows of actors in the auditor's subtree, newest first. */
export function listAuditLog(filters: AuditFilters & Paging): Promise<Page<AuditRecord>> {
  return request<Page<AuditRecord>>(`/audit${toQuery({ ...filters })}`);
}

/** The filtered log as an .xlsx (the export is itself audited). */
export function exportAuditLog(filters: AuditFilters): Promise<DownloadedFile> {
  return requestFile(`/audit/export${toQuery({ ...filters })}`);
}

export function verifyAuditLog(): Promise<ChainReport> {
  return request<ChainReport>('/audit/verify');
}
