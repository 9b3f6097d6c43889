import { describe, expect, it } from 'vitest';
import { assignmentsDrillDown, supervisionsDrillDown, trendOf } from './bulletin';

const BULLETIN = {
  id: 3,
  period_from: '2026-01-01',
  period_to: '2026-03-31',
  as_of: '2026-04-01T02:00:00Z',
};

describe('drill-downs', () => {
  it("lead to the org subtree's executing nodes due in the period, as of the bulletin's time", () => {
    expect(assignmentsDrillDown(BULLETIN, 6, 'overdue')).toEqual({
      path: '/tasks/records',
      query: {
        org: '6',
        subtree: '1',
        executing: '1',
        state: 'overdue',
        deadline_from: '2026-01-01',
        deadline_to: '2026-03-31',
        as_of: '2026-04-01T02:00:00Z',
        bulletin: '3',
      },
    });
    expect(assignmentsDrillDown(BULLETIN, 6)).not.toHaveProperty('query.state');
  });

  it("lead to the org subtree's supervisions as of the bulletin's time", () => {
    expect(supervisionsDrillDown(BULLETIN, 7)).toEqual({
      path: '/supervisions',
      query: { view: 'all', org: '7', state: 'unclosed', as_of: '2026-04-01T02:00:00Z' },
    });
  });
});

describe('trendOf', () => {
  it.each([
    [0.75, 0.5, 'up'],
    [0.5, 0.75, 'down'],
    [0.1 + 0.2, 0.3, 'same'],
    [0.5, null, null],
    [null, 0.5, null],
  ])('from %s after %s is %s', (current, previous, expected) => {
    expect(trendOf(current, previous)).toBe(expected);
  });
});
