import { describe, expect, it } from 'vitest';
import { menuFor } from './menu';
import { cityAdmin, streetAdmin } from '@/testing/fixtures';

describe('menuFor', () => {
  it('shows street reform progress to city and district users only', () => {
    expect(menuFor(cityAdmin).map((entry) => entry.path)).toContain('/reform');
    expect(menuFor(streetAdmin).map((entry) => entry.path)).not.toContain('/reform');
  });

  it('lists the organisation system pages for everyone', () => {
    expect(menuFor(streetAdmin).map((entry) => entry.path)).toEqual([
      '/',
      '/orgs',
      '/members',
      '/units',
      '/coverage',
      '/joint-committees',
    ]);
  });
});
