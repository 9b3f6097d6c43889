import { request } from './client';
import type { OrgLevel } from './org';

/** The counts behind the two coverages, for one org or one of its children. */
export interface CoverageCounts {
  /** Units eligible to set up a Party org: the denominator. */
  eligible: number;
  own_org: number;
  joint_branch: number;
  /** Covered by work only: an instructor, no org. */
  work_only: number;
  uncovered: number;
}

/** 两个覆盖 of an org's subtree. */
export interface Coverage extends CoverageCounts {
  org_id: number;
  /** A fraction from 0 to 1; null when no unit is eligible. */
  organisation_coverage_rate: number | null;
  work_coverage_rate: number | null;
  by_child: (CoverageCounts & { org_id: number; name: string; level: OrgLevel })[];
}

export function getOrgCoverage(orgId: number): Promise<Coverage> {
  return request<Coverage>(`/orgs/${encodeURIComponent(orgId)}/coverage`);
}
