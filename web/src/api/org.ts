import { request, toQuery } from './client';

/** Levels of the organisation system, top down (see glossary: 四级联动, grid, and unit orgs). */
export const ORG_LEVELS = ['city', 'district', 'street', 'community', 'grid', 'unit'] as const;
export type OrgLevel = (typeof ORG_LEVELS)[number];

export const ORG_KINDS = [
  'committee',
  'working_committee',
  'general_branch',
  'branch',
  'joint_branch',
  'group',
] as const;
export type OrgKind = (typeof ORG_KINDS)[number];

/** An org named inside another record: a member's org, a unit's location. */
export interface NamedRef {
  id: number;
  name: string;
}

/** One step of an org's path from the top. */
export interface OrgRef extends NamedRef {
  level: OrgLevel;
}

/** An org with its place in the tree: the user's own org, a search result. */
export interface OrgSummary extends OrgRef {
  kind: OrgKind;
  /** From the top org down to this org itself. */
  path: OrgRef[];
}

/** An org as `GET /orgs/{id}/children` lists it (no path). */
export interface OrgNode extends OrgRef {
  parent_id: number | null;
  kind: OrgKind;
  secretary: string;
  contact: string;
  address: string;
  founded_on: string | null;
  sector: string;
  archived: boolean;
  child_count: number;
}

/** The full record of one org. */
export interface Org extends OrgNode {
  path: OrgRef[];
}

/** Counts of the descendants of an org (itself excluded), top level first. */
export interface OrgStats {
  org_id: number;
  total: number;
  by_level: { level: OrgLevel; count: number }[];
}

/** The fields of a new org; PATCH takes any subset except parent_id. */
export interface OrgInput {
  parent_id: number;
  level: OrgLevel;
  kind: OrgKind;
  name: string;
  secretary: string;
  contact: string;
  address: string;
  founded_on: string | null;
  sector: string;
}

export type OrgPatch = Partial<Omit<OrgInput, 'parent_id'>>;

export interface OrgSearch {
  q: string;
  limit?: number;
  /** Search the whole city, not only the user's subtree (to pick a transfer's receiver). */
  anywhere?: boolean;
}

function orgPath(orgId: number): string {
  return `/orgs/${encodeURIComponent(orgId)}`;
}

/** Returns one org with its path from the top. */
export function getOrg(orgId: number): Promise<Org> {
  return request<Org>(orgPath(orgId));
}

/** Returns the direct children of an org, for the lazy tree. */
export async function listOrgChildren(orgId: number): Promise<OrgNode[]> {
  const body = await request<{ items: OrgNode[] }>(`${orgPath(orgId)}/children`);
  return body.items;
}

/** Finds orgs by name (a two-character Chinese query works). */
export async function searchOrgs(search: OrgSearch): Promise<OrgSummary[]> {
  const query = toQuery({ q: search.q, limit: search.limit, anywhere: search.anywhere });
  const body = await request<{ items: OrgSummary[] }>(`/orgs${query}`);
  return body.items;
}

/** Returns how many organisations lie under the org, per level. */
export function getOrgStats(orgId: number): Promise<OrgStats> {
  return request<OrgStats>(`${orgPath(orgId)}/stats`);
}

export function createOrg(input: OrgInput): Promise<Org> {
  return request<Org>('/orgs', { method: 'POST', body: input });
}

export function updateOrg(orgId: number, patch: OrgPatch): Promise<Org> {
  return request<Org>(orgPath(orgId), { method: 'PATCH', body: patch });
}

/** Archives an org; refused with org.not_empty while it has children or members. */
export function archiveOrg(orgId: number): Promise<Org> {
  return request<Org>(`${orgPath(orgId)}/archive`, { method: 'POST' });
}

/** Moves an org, with its subtree, under another parent. */
export function moveOrg(orgId: number, parentId: number): Promise<Org> {
  return request<Org>(`${orgPath(orgId)}/move`, { method: 'POST', body: { parent_id: parentId } });
}
