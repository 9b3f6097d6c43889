import { ORG_LEVELS, type OrgKind, type OrgLevel, type OrgRef, type OrgStats } from '@/api/org';

/** The org's path from the top, for example `示范市 / 东城区 / 和平街道`. */
export function formatOrgPath(org: { name: string; path: OrgRef[] }): string {
  const names = org.path.map((step) => step.name);
  return names.length > 0 ? names.join(' / ') : org.name;
}

export interface LevelCount {
  level: OrgLevel;
  count: number;
}

// Unit orgs hang under streets and communities here and there; they are listed only when present.
const TREE_LEVELS: readonly OrgLevel[] = ORG_LEVELS.filter((level) => level !== 'unit');

/**
 * One row per level below `orgLevel`, top down, with 0 where the org has none; a level the
 * server reports that is not below (or not known) is kept too, so no count is ever hidden.
 */
export function levelCounts(orgLevel: OrgLevel, stats: OrgStats): LevelCount[] {
  const reported = new Map(stats.by_level.map((entry) => [entry.level, entry.count]));
  const start = TREE_LEVELS.indexOf(orgLevel);
  const below = start === -1 ? [] : TREE_LEVELS.slice(start + 1);
  const levels = [...below];
  for (const level of reported.keys()) {
    if (!levels.includes(level)) levels.push(level);
  }
  levels.sort((a, b) => rank(a) - rank(b));
  return levels.map((level) => ({ level, count: reported.get(level) ?? 0 }));
}

function rank(level: OrgLevel): number {
  const index = ORG_LEVELS.indexOf(level);
  return index === -1 ? ORG_LEVELS.length : index;
}

/** The level a new child of an org usually has: the next one down (a unit org under a grid). */
export function childLevelOf(level: OrgLevel): OrgLevel {
  const index = ORG_LEVELS.indexOf(level);
  return ORG_LEVELS[Math.min(index + 1, ORG_LEVELS.length - 1)] ?? 'unit';
}

/** The kind an org of a level usually has, to preselect in the form. */
export function usualKindOf(level: OrgLevel): OrgKind {
  switch (level) {
    case 'street':
      return 'working_committee';
    case 'city':
    case 'district':
    case 'community':
      return 'committee';
    case 'grid':
    case 'unit':
      return 'branch';
  }
}
