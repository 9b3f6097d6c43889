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

export const UNIT_KINDS = [
  'government_agency',
  'public_institution',
  'state_enterprise',
  'private_enterprise',
  'social_organisation',
  'other',
] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

/** How a unit is covered (两个覆盖); units not eligible to set up an org are outside the count. */
export const COVERAGE_KINDS = [
  'own_org',
  'joint_branch',
  'work_only',
  'uncovered',
  'not_eligible',
] as const;
export type CoverageKind = (typeof COVERAGE_KINDS)[number];

/** A resident unit or two-new organisation (驻区单位). */
export interface Unit {
  id: number;
  name: string;
  credit_code: string;
  unit_kind: UnitKind;
  industry: string;
  staff_count: number;
  legal_representative: string;
  /** Where the unit is: a street or community. */
  org: NamedRef;
  eligible_for_org: boolean;
  own_org: NamedRef | null;
  joint_branch_org: NamedRef | null;
  instructor: string;
  key_enterprise: boolean;
  coverage: CoverageKind;
  archived: boolean;
}

export interface UnitFilters extends Paging {
  org?: number;
  q?: string;
  unit_kind?: UnitKind;
  eligible?: boolean;
  coverage?: CoverageKind;
}

/** The fields of a new unit (and of an import row); PATCH takes any subset. */
export interface UnitInput {
  org_id: number;
  name: string;
  credit_code: string;
  unit_kind: UnitKind;
  industry: string;
  staff_count: number;
  legal_representative: string;
  eligible_for_org: boolean;
  own_org_id: number | null;
  joint_branch_org_id: number | null;
  instructor: string;
  key_enterprise: boolean;
}

export type UnitPatch = Partial<UnitInput>;

function unitPath(unitId: number): string {
  return `/units/${encodeURIComponent(unitId)}`;
}

export function listUnits(filters: UnitFilters): Promise<Page<Unit>> {
  const query = toQuery({ ...filters, q: filters.q?.trim() });
  return request<Page<Unit>>(`/units${query}`);
}

/**
 * The filtered list as an .xlsx made by the server (paging ignored), in the columns of the import
 * template so that it can be imported again; the server audits the export.
 */
export function exportUnits(filters: UnitFilters): Promise<DownloadedFile> {
  const query = toQuery({
    ...filters,
    q: filters.q?.trim(),
    page: undefined,
    page_size: undefined,
  });
  return requestFile(`/units/export${query}`);
}

export function getUnit(unitId: number): Promise<Unit> {
  return request<Unit>(unitPath(unitId));
}

export function createUnit(input: UnitInput): Promise<Unit> {
  return request<Unit>('/units', { method: 'POST', body: input });
}

export function updateUnit(unitId: number, patch: UnitPatch): Promise<Unit> {
  return request<Unit>(unitPath(unitId), { method: 'PATCH', body: patch });
}

export function archiveUnit(unitId: number): Promise<Unit> {
  return request<Unit>(`${unitPath(unitId)}/archive`, { method: 'POST' });
}

/** Sends spreadsheet rows; row errors refer to indexes of `rows`. */
export function importUnits(rows: Record<string, unknown>[]): Promise<ImportResult> {
  return request<ImportResult>('/units/import', { method: 'POST', body: { rows } });
}
