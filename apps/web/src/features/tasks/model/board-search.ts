import {
  type FilterQuery,
  type ListQuery,
  TASK_PRIORITIES,
  TASK_SORTS,
  TASK_STATUSES,
  type TaskPriority,
  type TaskSort,
  type TaskStatus,
} from './task-types.ts';

/*
 * Plain checks rather than zod: validateSearch runs in the app's first chunk, where zod (even
 * zod/mini) added ~15 KiB gzipped and a few hundred milliseconds of start-up on a slow phone.
 * Each reader takes any value and returns a valid one or undefined.
 */

export type BoardSearch = {
  view?: 'kanban' | undefined;
  status?: TaskStatus[] | undefined;
  priority?: TaskPriority[] | undefined;
  assignee?: string | undefined;
  label?: string | undefined;
  dueBefore?: string | undefined;
  dueAfter?: string | undefined;
  sort?: TaskSort | undefined;
  q?: string | undefined;
};

const UUID =
  /^([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[1-8][0-9a-fA-F]{3}-[89abAB][0-9a-fA-F]{3}-[0-9a-fA-F]{12}|00000000-0000-0000-0000-000000000000|ffffffff-ffff-ffff-ffff-ffffffffffff)$/;

function oneOf<T extends string>(values: readonly T[], raw: unknown): T | undefined {
  return values.find((value) => value === raw);
}

/** `todo,done` (or an array, when the app navigates): known values only, in canonical order. */
function listOf<T extends string>(values: readonly T[], raw: unknown): T[] | undefined {
  const given = typeof raw === 'string' ? raw.split(',') : raw;
  if (!Array.isArray(given) || !given.every((item) => typeof item === 'string')) return undefined;
  const kept = values.filter((value) => given.includes(value));
  return kept.length > 0 ? kept : undefined;
}

/** Trimmed text of 1 to `max` characters. */
function text(raw: unknown, max: number): string | undefined {
  if (typeof raw !== 'string') return undefined;
  const trimmed = raw.trim();
  return trimmed.length > 0 && trimmed.length <= max ? trimmed : undefined;
}

/** A calendar date `YYYY-MM-DD` that exists (no 30 February). */
function isoDate(raw: unknown): string | undefined {
  if (typeof raw !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(raw)) return undefined;
  const date = new Date(`${raw}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(raw) ? raw : undefined;
}

function assignee(raw: unknown): string | undefined {
  if (raw === 'me' || raw === 'none') return raw;
  return typeof raw === 'string' && UUID.test(raw) ? raw : undefined;
}

/**
 * The board's URL state: a bad value in a shared link is dropped, never an error page; defaults
 * are left out so that equal boards have equal URLs.
 */
export function parseBoardSearch(raw: Record<string, unknown>): BoardSearch {
  const q = text(raw.q, 200);
  const sort = oneOf(TASK_SORTS, raw.sort);
  const search: BoardSearch = {
    view: raw.view === 'kanban' ? 'kanban' : undefined,
    status: listOf(TASK_STATUSES, raw.status),
    priority: listOf(TASK_PRIORITIES, raw.priority),
    assignee: assignee(raw.assignee),
    label: text(raw.label, 50),
    dueBefore: isoDate(raw.dueBefore),
    dueAfter: isoDate(raw.dueAfter),
    // Ranking by relevance needs words to rank by: the API refuses it without them.
    sort: sort === 'relevance' && !q ? undefined : sort,
    q,
  };
  const defined = Object.entries(search).filter(([, value]) => value !== undefined);
  return Object.fromEntries(defined) as BoardSearch;
}
export function effectiveSort(search: BoardSearch): TaskSort {
  return search.sort ?? (search.q ? 'relevance' : 'position');
}

const filterKeys = ['status', 'priority', 'assignee', 'label', 'dueBefore', 'dueAfter', 'q'];

export function hasFilters(search: BoardSearch): boolean {
  return filterKeys.some((key) => key in search);
}

/** How many filters narrow the board (a list of statuses counts once). */
export function activeFilterCount(search: BoardSearch): number {
  return filterKeys.filter((key) => key in search).length;
}

/** Keeps how the board is shown (view, sort), drops what it is narrowed to. */
export function withoutFilters(search: BoardSearch): BoardSearch {
  const { view, sort } = search;
  return parseBoardSearch({ view, sort });
}

/** The queries of the lists on screen: the list view's one, or one a kanban column. */
export function boardQueries(search: BoardSearch): ListQuery[] {
  if (search.view !== 'kanban') return [toListQuery(search)];
  return (search.status ?? TASK_STATUSES).map((status) => toListQuery(search, status));
}

/** What the board is narrowed to, without how it is shown: the filters of counts and exports. */
export function toFilterQuery(search: BoardSearch): FilterQuery {
  const { sort: _sort, ...filters } = toListQuery(search);
  return filters;
}

/** The list endpoint's query for the list view, or for one kanban column. */
export function toListQuery(search: BoardSearch, column?: TaskStatus): ListQuery {
  const query: ListQuery = {
    status: column ?? search.status?.join(','),
    priority: search.priority?.join(','),
    assignee: search.assignee,
    label: search.label,
    dueBefore: search.dueBefore,
    dueAfter: search.dueAfter,
    q: search.q,
    // A column is always in manual order: that is the order its cards are dragged in.
    sort: column ? 'position' : search.sort,
  };
  return Object.fromEntries(
    Object.entries(query).filter(([, value]) => value !== undefined),
  ) as ListQuery;
}
