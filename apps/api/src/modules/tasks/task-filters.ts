import {
  TASK_PRIORITIES,
  TASK_STATUSES,
  type TaskFilterOptions,
  type TaskPriority,
  type TaskStatus,
} from '@taskflow/contract';
import { z } from 'zod';
import { toPrefixQuery } from './search-query.ts';

/**
 * What narrows a workspace's tasks, resolved for SQL: the list, the status counts and the CSV
 * export all filter through `taskFilterConditions`, so they always agree on which tasks match.
 */
export type TaskFilters = {
  status?: TaskStatus[] | undefined;
  priority?: TaskPriority[] | undefined;
  /** A user id, or null for unassigned tasks. */
  assignee?: string | null | undefined;
  label?: string | undefined;
  dueBefore?: string | undefined;
  dueAfter?: string | undefined;
  /** A tsquery text from `toPrefixQuery`; null for a search without words, which matches nothing. */
  search?: string | null | undefined;
};

/** Resolved filters as a job carries them (JSON: no undefined, the same shape otherwise). */
export const TaskFiltersPayload: z.ZodType<TaskFilters> = z.object({
  status: z.array(z.enum(TASK_STATUSES)).optional(),
  priority: z.array(z.enum(TASK_PRIORITIES)).optional(),
  assignee: z.uuid().nullable().optional(),
  label: z.string().max(50).optional(),
  dueBefore: z.iso.date().optional(),
  dueAfter: z.iso.date().optional(),
  search: z.string().max(1_000).nullable().optional(),
});

/** A blank search filters nothing; one of only punctuation finds nothing rather than everything. */
function searchOf(q: string | undefined): string | null | undefined {
  if (q === undefined || q.trim() === '') return undefined;
  return toPrefixQuery(q);
}

/** The query's filters for the caller: `me` is them, `none` unassigned. */
export function taskFiltersOf(query: TaskFilterOptions, userId: string): TaskFilters {
  const assignee =
    query.assignee === 'me' ? userId : query.assignee === 'none' ? null : query.assignee;
  return {
    status: query.status,
    priority: query.priority,
    assignee,
    label: query.label,
    dueBefore: query.dueBefore,
    dueAfter: query.dueAfter,
    search: searchOf(query.q),
  };
}
