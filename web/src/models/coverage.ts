import type { CoverageCounts } from '@/api/coverage';

/** The parts of the eligible units, in the order they stack: together they make `eligible`. */
export const STACKED_KINDS = ['own_org', 'joint_branch', 'work_only', 'uncovered'] as const;
export type StackedKind = (typeof STACKED_KINDS)[number];

/** A rate from 0 to 1 as a percentage with one decimal, `85.7%`; `—` when there is none. */
export function formatRate(rate: number | null | undefined): string {
  if (rate === null || rate === undefined || !Number.isFinite(rate)) return '—';
  return `${(rate * 100).toFixed(1)}%`;
}

/** The numerators of the two rates, as the official statistics define them. */
export function coveredCounts(counts: CoverageCounts): { organisation: number; work: number } {
  const organisation = counts.own_org + counts.joint_branch;
  return { organisation, work: organisation + counts.work_only };
}

/** The Element Plus tag colour of a unit's coverage: red for uncovered, green for an own org. */
export function coverageTagType(
  coverage: string,
): 'success' | 'primary' | 'warning' | 'danger' | 'info' {
  switch (coverage) {
    case 'own_org':
      return 'success';
    case 'joint_branch':
      return 'primary';
    case 'work_only':
      return 'warning';
    case 'uncovered':
      return 'danger';
    default:
      return 'info';
  }
}
