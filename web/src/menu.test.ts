import { describe, expect, it } from 'vitest';
import { menuFor } from './menu';
import { auditAdmin, cityAdmin, securityAdmin, streetAdmin, systemAdmin } from '@/testing/fixtures';

const paths = (user: Parameters<typeof menuFor>[0]) => menuFor(user).map((entry) => entry.path);

describe('menuFor', () => {
  it('shows street reform progress to city and district users only', () => {
    expect(paths(cityAdmin)).toContain('/reform');
    expect(paths(streetAdmin)).not.toContain('/reform');
  });

  it('lists the organisation system pages for staff, and no administration page', () => {
    expect(paths(streetAdmin)).toEqual([
      '/',
      '/orgs',
      '/members',
      '/units',
      '/coverage',
      '/joint-committees',
    ]);
  });

  it.each([
    ['system', systemAdmin, ['/', '/orgs', '/reform', '/users', '/settings']],
    ['security', securityAdmin, ['/', '/roles', '/settings']],
    ['audit', auditAdmin, ['/', '/audit']],
  ])('shows the %s administrator the pages of their duty only', (_duty, user, expected) => {
    expect(paths(user)).toEqual(expected);
  });
});
