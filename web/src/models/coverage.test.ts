import { describe, expect, it } from 'vitest';
import { coveredCounts, formatRate } from './coverage';

describe('formatRate', () => {
  it.each([
    [0.75, '75.0%'],
    [1, '100.0%'],
    [0, '0.0%'],
    [2 / 3, '66.7%'],
    [0.0004, '0.0%'],
    [null, '—'],
    [undefined, '—'],
    [Number.NaN, '—'],
  ])('shows %s as %s', (rate, expected) => {
    expect(formatRate(rate)).toBe(expected);
  });
});

describe('coveredCounts', () => {
  it('counts own orgs and joint branches for organisation coverage, adding work-only for work', () => {
    expect(
      coveredCounts({ eligible: 20, own_org: 8, joint_branch: 5, work_only: 4, uncovered: 3 }),
    ).toEqual({ organisation: 13, work: 17 });
  });
});
