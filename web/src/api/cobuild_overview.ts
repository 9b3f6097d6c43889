import { request, toQuery } from './client';
import type { OrgRef } from './org';

/**
 * The figures of the co-building overview, in the order its table shows them: agreements in
 * force (not ending soon) and ending soon, agreements with a report due soon and with one late,
 * needs open and matched, the running 报到 of in-service members and of unit Party orgs, and the
 * minutes of service recorded this year.
 */
export const OVERVIEW_FIGURES = [
  'agreements_active',
  'agreements_expiring',
  'reports_due',
  'reports_late',
  'needs_open',
  'needs_matched',
  'members_reported',
  'units_reported',
  'service_minutes',
] as const;
export type OverviewFigure = (typeof OVERVIEW_FIGURES)[number];

/** The nine figures of one org's whole subtree. */
export type OverviewFigures = Record<OverviewFigure, number>;

/** One row: a street (or, for a community's overview, the community) and its figures. */
export interface OverviewRow extends OverviewFigures {
  org: OrgRef;
}

/** 共建概览: one row per street of the org's subtree, as of a day. */
export interface CobuildingOverview {
  as_of: string;
  year: number;
  /** An agreement ending within this many days is expiring. */
  expiring_days: number;
  /** A report not filed that falls due within this many days is due. */
  due_days: number;
  org: OrgRef;
  rows: OverviewRow[];
  total: OverviewFigures;
}

/** The overview of `org` (the user's own org when absent). */
export function getCobuildingOverview(org?: number): Promise<CobuildingOverview> {
  return request<CobuildingOverview>(`/cobuilding-overview${toQuery({ org })}`);
}
