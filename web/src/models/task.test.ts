import { describe, expect, it } from 'vitest';
import {
  assignmentFiltersOf,
  emptyTargetsDraft,
  formatProgress,
  levelsBelow,
  targetsProblem,
  toTargets,
} from './task';

describe('formatProgress', () => {
  it.each([
    [0, '0%'],
    [37.5, '37.5%'],
    [66.66, '66.7%'],
    [100, '100%'],
    [null, '—'],
  ])('shows %s as %s', (progress, expected) => {
    expect(formatProgress(progress)).toBe(expected);
  });
});

describe('assignmentFiltersOf', () => {
  it('reads a drill-down link of a bulletin', () => {
    expect(
      assignmentFiltersOf({
        org: '6',
        subtree: '1',
        state: 'overdue',
        deadline_from: '2026-01-01',
        deadline_to: '2026-03-31',
        as_of: '2026-04-01T02:00:00Z',
        task: '12',
      }),
    ).toEqual({
      org: 6,
      subtree: true,
      state: 'overdue',
      task: 12,
      deadline_from: '2026-01-01',
      deadline_to: '2026-03-31',
      as_of: '2026-04-01T02:00:00Z',
    });
  });

  it('drops what it does not know', () => {
    expect(assignmentFiltersOf({ org: 'x', state: 'lost', subtree: '0', task: '-1' })).toEqual({
      org: undefined,
      subtree: false,
      state: undefined,
      task: undefined,
      deadline_from: undefined,
      deadline_to: undefined,
      as_of: undefined,
    });
  });
});

describe('targets', () => {
  it('go to the direct children unless told otherwise', () => {
    const draft = emptyTargetsDraft();
    expect(targetsProblem(draft)).toBeNull();
    expect(toTargets(draft)).toEqual({ mode: 'children' });
  });

  it('need a level, or at least one org, in those modes', () => {
    expect(targetsProblem({ mode: 'level', level: null, orgs: [] })).toBe('task.levelRequired');
    expect(targetsProblem({ mode: 'list', level: null, orgs: [] })).toBe('task.orgsRequired');
    expect(toTargets({ mode: 'level', level: 'community', orgs: [] })).toEqual({
      mode: 'level',
      level: 'community',
    });
    expect(
      toTargets({
        mode: 'list',
        level: null,
        orgs: [
          { id: 6, name: '和平里社区' },
          { id: 7, name: '东风社区' },
        ],
      }),
    ).toEqual({ mode: 'list', org_ids: [6, 7] });
  });

  it('offer the levels below the issuer, never units', () => {
    expect(levelsBelow('district')).toEqual(['street', 'community', 'grid']);
    expect(levelsBelow('community')).toEqual(['grid']);
  });
});
