import { describe, expect, it } from 'vitest';
import { chinaDate, chinaYear, formatDateTime } from './date_time';

describe('formatDateTime', () => {
  it.each([
    ['2025-03-01T02:05:00Z', '2025-03-01 10:05'],
    // Late evening UTC is the next morning in Beijing.
    ['2025-12-31T16:30:00Z', '2026-01-01 00:30'],
    ['2025-03-01T10:05:00+08:00', '2025-03-01 10:05'],
    [null, ''],
    ['', ''],
    ['not a time', 'not a time'],
  ])('shows %s in Asia/Shanghai as %s', (iso, expected) => {
    expect(formatDateTime(iso)).toBe(expected);
  });
});

describe('chinaDate', () => {
  it('is the date in Beijing, a day ahead of UTC late in the evening', () => {
    expect(chinaDate(new Date('2025-12-31T16:30:00Z'))).toBe('2026-01-01');
    expect(chinaDate(new Date('2025-12-31T15:30:00Z'))).toBe('2025-12-31');
    expect(chinaYear(new Date('2025-12-31T16:30:00Z'))).toBe(2026);
  });
});
