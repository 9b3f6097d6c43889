import { describe, expect, it } from 'vitest';
import { addDays } from './calendar';

describe('addDays', () => {
  it('crosses months, years and leap days', () => {
    expect(addDays('2026-01-31', 1)).toBe('2026-02-01');
    expect(addDays('2026-12-25', 13)).toBe('2027-01-07');
    expect(addDays('2028-03-01', -1)).toBe('2028-02-29');
  });
});
