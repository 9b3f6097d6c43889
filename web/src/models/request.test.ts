import { describe, expect, it } from 'vitest';
import { AGENCY_KINDS, CATEGORIES } from '@/views/request/request_fixtures';
import { chinaMonth, minutesText, previewRoute, searchCategories, streetOf } from './request';

const UNITS = { day: '天', hour: '小时', minute: '分钟' };
const names = (query: string) => searchCategories(CATEGORIES, query).map((c) => c.name);

describe('searchCategories', () => {
  it('finds live leaves by any two characters of the full name, whole pieces first', () => {
    expect(names('噪声')).toEqual(['邻里噪声', '广场舞噪声']);
    // 生活 is in the middle level's name only: its leaves are found by it.
    expect(names('生活')).toEqual(['邻里噪声', '广场舞噪声']);
    // Scattered characters still find it, after the whole matches.
    expect(names('邻噪')).toEqual(['邻里噪声']);
    expect(names('物业')).toEqual(['楼道垃圾未清运']);
  });

  it('finds nothing for one character, an inner node or an archived leaf', () => {
    expect(names('噪')).toEqual([]);
    expect(names('电梯')).toEqual([]);
    expect(names('  ')).toEqual([]);
  });

  it('wants every word of a spaced query', () => {
    expect(names('噪声 广场')).toEqual(['广场舞噪声']);
  });
});

describe('minutesText', () => {
  it('says a span in its largest whole unit', () => {
    expect(minutesText(30, UNITS)).toBe('30 分钟');
    expect(minutesText(120, UNITS)).toBe('2 小时');
    expect(minutesText(10080, UNITS)).toBe('7 天');
    expect(minutesText(90, UNITS)).toBe('90 分钟');
  });
});

describe('previewRoute', () => {
  const street = { id: 5, name: '和平街道', level: 'street' };
  const community = { id: 6, name: '和平里社区', level: 'community' };
  const police = {
    org: { id: 70, name: '和平派出所', level: 'agency' },
    kind: 'police_station',
    kind_name: AGENCY_KINDS[0]!.name,
    department: '公安分局',
    streets: [street],
  };

  it('routes as the server does: community, street, or the agency serving the street', () => {
    const leaf = (id: number) => CATEGORIES.find((c) => c.id === id)!;
    expect(previewRoute(leaf(140), community, street, [])).toEqual({
      kind: 'community',
      owner: community,
    });
    // A community's leaf in a street's own territory goes to the street.
    expect(previewRoute(leaf(140), street, street, [])?.owner).toEqual(street);
    expect(previewRoute(leaf(4), community, street, [])?.kind).toBe('street');
    expect(previewRoute(leaf(3), community, street, [police])).toEqual({
      kind: 'agency',
      owner: police.org,
    });
    // No police station serves the street: the street has it first.
    const elsewhere = { id: 8, name: '胜利街道', level: 'street' };
    expect(previewRoute(leaf(3), elsewhere, elsewhere, [police])).toEqual({
      kind: 'no_agency',
      owner: elsewhere,
    });
  });

  it('finds the street in a path', () => {
    expect(streetOf([...[{ id: 1, name: '示范市', level: 'city' }], street, community])).toEqual(
      street,
    );
  });
});

describe('chinaMonth', () => {
  it('is the month in China, eight hours ahead of UTC', () => {
    expect(chinaMonth(new Date('2026-03-31T17:00:00Z'))).toBe('2026-04');
    expect(chinaMonth(new Date('2026-03-31T15:00:00Z'))).toBe('2026-03');
  });
});
