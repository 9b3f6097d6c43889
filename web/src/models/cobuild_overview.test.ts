import { describe, expect, it } from 'vitest';
import { OVERVIEW_FIGURES, type OverviewFigure } from '@/api/cobuild_overview';
import { formatHours, permissionOf, recordsOf } from './cobuild_overview';

describe('recordsOf', () => {
  it.each<[OverviewFigure, string, Record<string, string>]>([
    ['agreements_active', '/cobuild/agreements', { org: '12', state: 'active' }],
    ['agreements_expiring', '/cobuild/agreements', { org: '12', state: 'expiring' }],
    ['reports_due', '/cobuild/agreements', { org: '12', state: 'in_force', due: 'true' }],
    ['reports_late', '/cobuild/agreements', { org: '12', state: 'in_force', late: 'true' }],
    ['needs_open', '/cobuild/needs', { org: '12', status: 'open' }],
    ['needs_matched', '/cobuild/needs', { org: '12', status: 'matched' }],
    ['members_reported', '/check-in/roster', { org: '12', tab: 'members' }],
    ['units_reported', '/check-in/roster', { org: '12', tab: 'units' }],
    ['service_minutes', '/check-in/service-hours', { org: '12', year: '2026' }],
  ])('opens %s of an org at %s', (figure, path, query) => {
    expect(recordsOf(figure, 12, 2026)).toEqual({ path, query });
  });

  it('has a list for every figure', () => {
    expect(OVERVIEW_FIGURES.map((figure) => recordsOf(figure, 1, 2026).path)).not.toContain(
      undefined,
    );
  });
});

describe('permissionOf', () => {
  it('asks check_in:read for the 报到 figures and cobuild:read for the rest', () => {
    expect(permissionOf('members_reported')).toBe('check_in:read');
    expect(permissionOf('units_reported')).toBe('check_in:read');
    expect(permissionOf('service_minutes')).toBe('check_in:read');
    expect(permissionOf('agreements_active')).toBe('cobuild:read');
    expect(permissionOf('needs_open')).toBe('cobuild:read');
  });
});

describe('formatHours', () => {
  it.each([
    [5400, '90.0'],
    [0, '0.0'],
    [50, '0.8'],
    [90, '1.5'],
    [125, '2.1'],
  ])('shows %i minutes as %s hours', (minutes, hours) => {
    expect(formatHours(minutes)).toBe(hours);
  });
});
