import { describe, expect, it } from 'vitest';
import type { OrgStats } from '@/api/org';
import { formatOrgPath, levelCounts } from './org';

describe('formatOrgPath', () => {
  it('joins the names from the top with " / "', () => {
    const org = {
      name: '和平街道',
      path: [
        { id: 1, name: '示范市', level: 'city' as const },
        { id: 2, name: '东城区', level: 'district' as const },
        { id: 5, name: '和平街道', level: 'street' as const },
      ],
    };
    expect(formatOrgPath(org)).toBe('示范市 / 东城区 / 和平街道');
  });

  it('is the top org name alone for the top org', () => {
    expect(
      formatOrgPath({ name: '示范市', path: [{ id: 1, name: '示范市', level: 'city' }] }),
    ).toBe('示范市');
  });

  it('falls back to the org name when the path is empty', () => {
    expect(formatOrgPath({ name: '示范市', path: [] })).toBe('示范市');
  });
});

describe('levelCounts', () => {
  const stats = (byLevel: OrgStats['by_level']): OrgStats => ({
    org_id: 1,
    total: byLevel.reduce((sum, entry) => sum + entry.count, 0),
    by_level: byLevel,
  });

  it.each([
    [
      'street',
      [{ level: 'community', count: 3 }],
      [
        ['community', 3],
        ['grid', 0],
      ],
    ],
    [
      'city',
      [
        { level: 'street', count: 4 },
        { level: 'district', count: 2 },
      ],
      [
        ['district', 2],
        ['street', 4],
        ['community', 0],
        ['grid', 0],
      ],
    ],
    ['grid', [], []],
    // A level the server reports that is not below the org is still shown, in level order.
    [
      'community',
      [{ level: 'street', count: 1 }],
      [
        ['street', 1],
        ['grid', 0],
      ],
    ],
  ] as const)('for a %s org lists the levels below, top down', (level, byLevel, expected) => {
    const rows = levelCounts(level, stats([...byLevel]));
    expect(rows.map((row) => [row.level, row.count])).toEqual(expected);
  });
});
