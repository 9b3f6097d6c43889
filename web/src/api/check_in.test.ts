import { describe, expect, it } from 'vitest';
import { lastEndedQuarter } from './check_in';

describe('lastEndedQuarter', () => {
  it('is the quarter before the one of the day', () => {
    expect(lastEndedQuarter(new Date(2026, 4, 15))).toEqual({ year: 2026, quarter: 1 });
    expect(lastEndedQuarter(new Date(2026, 11, 31))).toEqual({ year: 2026, quarter: 3 });
  });

  it('is the last quarter of the year before in the first quarter', () => {
    expect(lastEndedQuarter(new Date(2026, 0, 1))).toEqual({ year: 2025, quarter: 4 });
  });
});
