import { request, toQuery, type Page, type Paging } from './client';
import type { NamedRef } from './org';

export const ENTRY_KINDS = ['visit', 'issue'] as const;
/** A log entry is a visit (走访) or an issue (问题). */
export type EntryKind = (typeof ENTRY_KINDS)[number];

/** Which owner wrote an entry: the street (块) or the agency (条). */
export type EntrySide = 'street' | 'agency';

/** An issue is open until either side resolves it; a visit has no status. */
export type IssueStatus = 'open' | 'resolved';

/**
 * A key enterprise managed by both sides (双向管理重点企业): a key-enterprise unit with its 块
 * owner, the street of its territory, and its 条 owner, an agency serving that street.
 */
export interface KeyEnterprise {
  id: number;
  unit: NamedRef;
  street: NamedRef;
  agency: NamedRef;
  /** The agency's department, e.g. 公安分局. */
  department: string;
  reason: string;
  listed_on: string;
  open_issues: number;
  visits: number;
  last_visit_on: string | null;
  created_at: string;
}

/** One entry of the log both sides share. */
export interface KeyEnterpriseEntry {
  id: number;
  kind: EntryKind;
  side: EntrySide;
  org: NamedRef;
  happened_on: string;
  text: string;
  status: IssueStatus | null;
  resolved_on: string | null;
  resolution: string | null;
  resolved_by_org: NamedRef | null;
  /** The recorder's display name. */
  recorded_by: string;
  recorded_at: string;
}

export interface KeyEnterpriseDetail extends KeyEnterprise {
  /** Newest first. */
  entries: KeyEnterpriseEntry[];
  /** Whether the user may add entries and resolve issues (a street or agency user of it). */
  can_write: boolean;
}

export interface KeyEnterpriseFilters extends Paging {
  /** An org of the user's subtree. */
  org?: number;
  /** Part of the unit's name, two characters at least. */
  q?: string;
  /** Only those with open issues. */
  open_issues?: boolean;
}

export interface NewKeyEnterprise {
  unit_id: number;
  street_org_id: number;
  agency_org_id: number;
  reason: string;
}

export interface NewKeyEnterpriseEntry {
  kind: EntryKind;
  /** YYYY-MM-DD, not in the future. */
  happened_on: string;
  text: string;
}

function keyEnterprisePath(id: number, suffix = ''): string {
  return `/key-enterprises/${encodeURIComponent(id)}${suffix}`;
}

export function listKeyEnterprises(filters: KeyEnterpriseFilters): Promise<Page<KeyEnterprise>> {
  const query = toQuery({ ...filters, q: filters.q?.trim() });
  return request<Page<KeyEnterprise>>(`/key-enterprises${query}`);
}

/** Lists a key-enterprise unit of a street with an agency serving that street. */
export function createKeyEnterprise(input: NewKeyEnterprise): Promise<KeyEnterprise> {
  return request<KeyEnterprise>('/key-enterprises', { method: 'POST', body: input });
}

export function getKeyEnterprise(id: number): Promise<KeyEnterpriseDetail> {
  return request<KeyEnterpriseDetail>(keyEnterprisePath(id));
}

export function addKeyEnterpriseEntry(
  id: number,
  input: NewKeyEnterpriseEntry,
): Promise<KeyEnterpriseEntry> {
  return request<KeyEnterpriseEntry>(keyEnterprisePath(id, '/entries'), {
    method: 'POST',
    body: input,
  });
}

/** Resolves an open issue, by either side. */
export function resolveKeyEnterpriseEntry(
  entryId: number,
  resolution: string,
): Promise<KeyEnterpriseEntry> {
  return request<KeyEnterpriseEntry>(
    `/key-enterprise-entries/${encodeURIComponent(entryId)}/resolve`,
    { method: 'POST', body: { resolution } },
  );
}
