import type { RouteLocationRaw } from 'vue-router';
import type { Bulletin } from '@/api/bulletin';
import type { AssignmentStateFilter } from '@/api/task';

type Period = Pick<Bulletin, 'id' | 'period_from' | 'period_to' | 'as_of'>;

/**
 * The task nodes behind a number of a bulletin: those of the org's subtree due within the period
 * that carry the task out (not the nodes that passed it down), as they stood at `as_of` (the
 * server applies the bulletin's own rules to the same query). `bulletin` leads the breadcrumbs back.
 */
export function assignmentsDrillDown(
  bulletin: Period,
  orgId: number,
  state?: AssignmentStateFilter,
): RouteLocationRaw {
  return {
    path: '/tasks/records',
    query: {
      org: String(orgId),
      subtree: '1',
      executing: '1',
      ...(state ? { state } : {}),
      deadline_from: bulletin.period_from,
      deadline_to: bulletin.period_to,
      as_of: bulletin.as_of,
      bulletin: String(bulletin.id),
    },
  };
}

/** The supervisions of the org's subtree not closed at `as_of`: its open_supervisions figure. */
export function supervisionsDrillDown(bulletin: Period, orgId: number): RouteLocationRaw {
  return {
    path: '/supervisions',
    query: { view: 'all', org: String(orgId), state: 'unclosed', as_of: bulletin.as_of },
  };
}

export type Trend = 'up' | 'down' | 'same';

/** How a number moved since the previous period; null when there is nothing to compare. */
export function trendOf(
  current: number | null | undefined,
  previous: number | null | undefined,
): Trend | null {
  if (current === null || current === undefined || previous === null || previous === undefined) {
    return null;
  }
  // Rates carry float noise: a change under a hundredth of a percent point is no change.
  if (Math.abs(current - previous) < 1e-4) return 'same';
  return current > previous ? 'up' : 'down';
}
