import { describe, expect, it } from 'vitest';
import { formatDateTime } from './date_time';

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
