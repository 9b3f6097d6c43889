import type { OverviewFigure } from '@/api/cobuild_overview';

/** A page and its query: where a figure of the overview opens its records. */
export interface RecordsLocation {
  path: string;
  query: Record<string, string>;
}

/**
 * The list of exactly the records a figure of `org` counts (its whole subtree): the agreements
 * of a state, with a late report or with one due soon; the needs of a status; the roster's
 * members or units; the service hours of `year`.
 */
export function recordsOf(figure: OverviewFigure, org: number, year: number): RecordsLocation {
  const id = String(org);
  switch (figure) {
    case 'agreements_active':
      return { path: '/cobuild/agreements', query: { org: id, state: 'active' } };
    case 'agreements_expiring':
      return { path: '/cobuild/agreements', query: { org: id, state: 'expiring' } };
    case 'reports_late':
      return { path: '/cobuild/agreements', query: { org: id, state: 'in_force', late: 'true' } };
    case 'reports_due':
      return { path: '/cobuild/agreements', query: { org: id, state: 'in_force', due: 'true' } };
    case 'needs_open':
      return { path: '/cobuild/needs', query: { org: id, status: 'open' } };
    case 'needs_matched':
      return { path: '/cobuild/needs', query: { org: id, status: 'matched' } };
    case 'members_reported':
      return { path: '/check-in/roster', query: { org: id, tab: 'members' } };
    case 'units_reported':
      return { path: '/check-in/roster', query: { org: id, tab: 'units' } };
    case 'service_minutes':
      return { path: '/check-in/service-hours', query: { org: id, year: String(year) } };
  }
}

/** The permission the page of a figure's records needs (the 报到 pages are check-in's). */
export function permissionOf(figure: OverviewFigure): string {
  return ['members_reported', 'units_reported', 'service_minutes'].includes(figure)
    ? 'check_in:read'
    : 'cobuild:read';
}

/** Minutes as hours with one decimal: 5400 → `90.0`, 50 → `0.8`. */
export function formatHours(minutes: number): string {
  return (minutes / 60).toFixed(1);
}
