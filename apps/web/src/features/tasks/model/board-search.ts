import * as z from 'zod/mini';
import {
  type FilterQuery,
  type ListQuery,
  TASK_PRIORITIES,
  TASK_SORTS,
  TASK_STATUSES,
  type TaskSort,
  type TaskStatus,
} from './task-types.ts';

/*
 * zod/mini rather than the contract's schemas: validateSearch runs in the app's first chunk,
 * where mini costs ~14 KiB gzipped and the full zod of the contract about twice that.
 */

/** `todo,done` (or an array, when the app navigates): known values only, in canonical order. */
function listParam<T extends string>(values: readonly T[]) {
  return z.pipe(
    z.union([z.string(), z.array(z.string())]),
    z.transform((raw) => {
      const given = typeof raw === 'string' ? raw.split(',') : raw;
      const kept = values.filter((value) => given.includes(value));
      return kept.length > 0 ? kept : undefined;
    }),
  );
}

/** A bad value in a shared link is dropped, never an error page. */
const lenient = <T extends z.core.SomeType>(schema: T) => z.catch(z.optional(schema), undefined);

const boardSearchSchema = z.object({
  view: lenient(z.enum(['list', 'kanban'])),
  status: lenient(listParam(TASK_STATUSES)),
  priority: lenient(listParam(TASK_PRIORITIES)),
  assignee: lenient(z.union([z.uuid(), z.enum(['me', 'none'])])),
  label: lenient(z.string().check(z.trim(), z.minLength(1), z.maxLength(50))),
  dueBefore: lenient(z.iso.date()),
  dueAfter: lenient(z.iso.date()),
  sort: lenient(z.enum(TASK_SORTS)),
  q: lenient(z.string().check(z.trim(), z.minLength(1), z.maxLength(200))),
});

export type BoardSearch = z.output<typeof boardSearchSchema>;

/** The board's URL state; defaults are left out so that equal boards have equal URLs. */
export function parseBoardSearch(raw: Record<string, unknown>): BoardSearch {
  const search = boardSearchSchema.parse(raw);
  const defined = Object.entries({
    ...search,
    view: search.view === 'kanban' ? search.view : undefined,
    // Ranking by relevance needs words to rank by: the API refuses it without them.
    sort: search.sort === 'relevance' && !search.q ? undefined : search.sort,
  }).filter(([, value]) => value !== undefined);
  return Object.fromEntries(defined) as BoardSearch;
}

export function effectiveSort(search: BoardSearch): TaskSort {
  return search.sort ?? (search.q ? 'relevance' : 'position');
}

const filterKeys = ['status', 'priority', 'assignee', 'label', 'dueBefore', 'dueAfter', 'q'];

export function hasFilters(search: BoardSearch): boolean {
  return filterKeys.some((key) => key in search);
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
