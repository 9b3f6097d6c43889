import { request } from './client';

/** Levels of the organisation system, top down (see glossary: 四级联动 and grid). */
export const ORG_LEVELS = ['city', 'district', 'street', 'community', 'grid'] as const;
export type OrgLevel = (typeof ORG_LEVELS)[number];

export type OrgKind =
  'committee' | 'working_committee' | 'general_branch' | 'branch' | 'joint_branch' | 'group';

/** One step of an org's path from the top. */
export interface OrgRef {
  id: number;
  name: string;
  level: OrgLevel;
}

export interface Org extends OrgRef {
  kind: OrgKind;
  /** From the top org down to this org itself. */
  path: OrgRef[];
}

/** Counts of the descendants of an org (itself excluded), top level first. */
export interface OrgStats {
  org_id: number;
  total: number;
  by_level: { level: OrgLevel; count: number }[];
}

/** Returns how many organisations lie under the org, per level. */
export function getOrgStats(orgId: number): Promise<OrgStats> {
  return request<OrgStats>(`/orgs/${encodeURIComponent(orgId)}/stats`);
}
