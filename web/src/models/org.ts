import { ORG_LEVELS, type Org, type OrgLevel, type OrgStats } from '@/api/org';

/** The org's path from the top, for example `示范市 / 东城区 / 和平街道`. */
export function formatOrgPath(org: Pick<Org, 'name' | 'path'>): string {
  const names = org.path.map((step) => step.name);
  return names.length > 0 ? names.join(' / ') : org.name;
}

export interface LevelCount {
  level: OrgLevel;
  count: number;
}

/**
 * One row per level below `orgLevel`, top down, with 0 where the org has none; a level the
 * server reports that is not below (or not known) is kept too, so no count is ever hidden.
 */
export function levelCounts(orgLevel: OrgLevel, stats: OrgStats): LevelCount[] {
  const reported = new Map(stats.by_level.map((entry) => [entry.level, entry.count]));
  const below = ORG_LEVELS.slice(ORG_LEVELS.indexOf(orgLevel) + 1);
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
