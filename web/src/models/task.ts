import { ORG_LEVELS, type NamedRef, type OrgLevel } from '@/api/org';
import type {
  AssignmentFilters,
  AssignmentState,
  AssignmentStateFilter,
  TaskTargets,
} from '@/api/task';

type TagType = 'success' | 'primary' | 'warning' | 'danger' | 'info';

/** Progress 0..100 as `37.5%` (the server keeps one decimal). */
export function formatProgress(progress: number | null | undefined): string {
  if (progress === null || progress === undefined || !Number.isFinite(progress)) return '—';
  return `${Math.round(progress * 10) / 10}%`;
}

/** The tag colour of a node's state: green done, orange awaiting review, red sent back. */
export function assignmentStateTagType(state: AssignmentState): TagType {
  switch (state) {
    case 'done':
      return 'success';
    case 'reported':
      return 'warning';
    case 'returned':
      return 'danger';
    default:
      return 'primary';
  }
}

const ASSIGNMENT_STATE_FILTERS: readonly string[] = [
  'open',
  'reported',
  'returned',
  'done',
  'overdue',
  'undone',
  'on_time',
  'to_report',
];

/** A node list filter from the page's query string (a bulletin's drill-down link). */
export function assignmentFiltersOf(query: Record<string, unknown>): AssignmentFilters {
  const text = (name: string): string | undefined => {
    const value = Array.isArray(query[name]) ? query[name][0] : query[name];
    return typeof value === 'string' && value !== '' ? value : undefined;
  };
  const org = Number(text('org'));
  const task = Number(text('task'));
  const state = text('state');
  return {
    org: Number.isInteger(org) && org > 0 ? org : undefined,
    subtree: text('subtree') === undefined ? undefined : text('subtree') === '1',
    executing: text('executing') === '1' ? true : undefined,
    state:
      state && ASSIGNMENT_STATE_FILTERS.includes(state)
        ? (state as AssignmentStateFilter)
        : undefined,
    task: Number.isInteger(task) && task > 0 ? task : undefined,
    deadline_from: text('deadline_from'),
    deadline_to: text('deadline_to'),
    as_of: text('as_of'),
  };
}

/** The targets as the form holds them while the user picks. */
export interface TargetsDraft {
  mode: TaskTargets['mode'];
  level: OrgLevel | null;
  orgs: NamedRef[];
}

export function emptyTargetsDraft(): TargetsDraft {
  return { mode: 'children', level: null, orgs: [] };
}

/** The message key of what the draft lacks, or null when it can be sent. */
export function targetsProblem(draft: TargetsDraft): string | null {
  if (draft.mode === 'level' && draft.level === null) return 'task.levelRequired';
  if (draft.mode === 'list' && draft.orgs.length === 0) return 'task.orgsRequired';
  return null;
}

/** The targets as the API takes them. */
export function toTargets(draft: TargetsDraft): TaskTargets {
  if (draft.mode === 'level') return { mode: 'level', level: draft.level ?? 'community' };
  if (draft.mode === 'list') return { mode: 'list', org_ids: draft.orgs.map((org) => org.id) };
  return { mode: 'children' };
}

/** The levels below `level` that a task can go to (units stand outside the cascade). */
export function levelsBelow(level: OrgLevel | undefined): OrgLevel[] {
  const index = level === undefined ? -1 : ORG_LEVELS.indexOf(level);
  return ORG_LEVELS.slice(index + 1).filter((below) => below !== 'unit');
}
