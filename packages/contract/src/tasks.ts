import { z } from 'zod';
import { requestBody } from './named.ts';
import { cursorParam, limitParam, listOf, nextCursor, pageOf } from './pagination.ts';
import { ProblemDetails } from './problem.ts';
import { MAX_LABELS, TASK_PRIORITIES } from './task-values.ts';
import { requiredText } from './text.ts';

export { MAX_LABELS, TASK_PRIORITIES };

export const TASK_STATUSES = ['todo', 'in_progress', 'done'] as const;
export const TaskStatus = z.enum(TASK_STATUSES).meta({ id: 'TaskStatus' });
export type TaskStatus = z.infer<typeof TaskStatus>;

export const TaskPriority = z.enum(TASK_PRIORITIES).meta({ id: 'TaskPriority' });
export type TaskPriority = z.infer<typeof TaskPriority>;

export const PAGE_LIMIT_MAX = 100;
/** A task list's cursor holds its sort and that sort's key (a `position` runs to 200 characters). */
const TASK_CURSOR_MAX = 1000;
/** How long a deleted task can be restored. */
export const RESTORE_WINDOW_DAYS = 30;

/** Line breaks and tabs belong in a description; other control characters (NUL) do not. */
export const noControlExceptWhitespace = (s: string) => !/[^\P{Cc}\t\n\r]/u.test(s);

export const TaskTitle = requiredText(200, 'Enter a title');

export const TaskDescription = z
  .string()
  .max(10_000)
  .refine(noControlExceptWhitespace, 'Use printable characters only')
  .meta({ description: 'Markdown text' });

export const Label = requiredText(50, 'Labels cannot be empty');

/** Labels as given, without repeats (compared case-insensitively; the first spelling stays). */
export const Labels = z
  .array(Label)
  .max(MAX_LABELS)
  .transform((labels) => {
    const seen = new Set<string>();
    return labels.filter((l) => !seen.has(l.toLowerCase()) && seen.add(l.toLowerCase()));
  });

// ISO 8601 has a year 0000; PostgreSQL's calendar starts at year 1.
export const DueDate = z.iso
  .date()
  .max(10)
  .refine((date) => !date.startsWith('0000'), 'The year must be 0001 or later')
  .describe('A calendar date, `YYYY-MM-DD`');

export const Task = z
  .object({
    id: z.uuid(),
    workspaceId: z.uuid(),
    title: z.string().max(200),
    description: z.string().max(10_000),
    status: TaskStatus,
    priority: TaskPriority,
    dueDate: z.string().max(10).nullable(),
    assigneeId: z.uuid().nullable().describe('A member of the workspace'),
    labels: z.array(z.string().max(50)).max(MAX_LABELS),
    position: z
      .string()
      .max(200)
      .describe('Manual order: tasks sort by this key (byte order) when `sort=position`'),
    version: z
      .int()
      .min(1)
      .max(2_147_483_647)
      .describe('Grows by one on every change; also sent as the `ETag`'),
    createdBy: z.uuid().nullable(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
    completedAt: z.iso.datetime().nullable(),
  })
  .meta({ id: 'Task' });
export type Task = z.infer<typeof Task>;

export const CreateTaskBody = requestBody('CreateTaskBody', {
  title: TaskTitle,
  description: TaskDescription.default(''),
  status: TaskStatus.default('todo'),
  priority: TaskPriority.default('medium'),
  dueDate: DueDate.nullable().default(null),
  assigneeId: z.uuid().nullable().default(null),
  labels: Labels.default([]),
});
export type CreateTaskBody = z.input<typeof CreateTaskBody>;
export type CreateTaskInput = z.output<typeof CreateTaskBody>;

export const UpdateTaskBody = z
  .object({
    title: TaskTitle.optional(),
    description: TaskDescription.optional(),
    status: TaskStatus.optional(),
    priority: TaskPriority.optional(),
    dueDate: DueDate.nullable().optional(),
    assigneeId: z.uuid().nullable().optional(),
    labels: Labels.optional(),
  })
  .strict()
  .refine((body) => Object.values(body).some((v) => v !== undefined), 'Change at least one field')
  .meta({ id: 'UpdateTaskBody' });
export type UpdateTaskBody = z.input<typeof UpdateTaskBody>;
export type UpdateTaskInput = z.output<typeof UpdateTaskBody>;

export const TaskParams = z.object({ workspaceId: z.uuid(), taskId: z.uuid() });

export const TASK_SORTS = [
  'position',
  'updated',
  'created',
  'due',
  'priority',
  'relevance',
] as const;
export const TaskSort = z.enum(TASK_SORTS).meta({
  id: 'TaskSort',
  description:
    '`position` manual order; `updated`/`created` newest first; `due` soonest first, undated last; `priority` most urgent first; `relevance` best search match first (needs `q`)',
});
export type TaskSort = z.infer<typeof TaskSort>;

/** `a,b,c` in a query parameter: each item one of `values`. */
const commaList = <T extends readonly [string, ...string[]]>(values: T) =>
  z
    .string()
    .max(100)
    .regex(
      new RegExp(`^(${values.join('|')})(,(${values.join('|')}))*$`),
      `Use a comma-separated list of: ${values.join(', ')}`,
    )
    .transform((s) => s.split(','))
    .pipe(z.array(z.enum(values)).min(1).max(values.length))
    .meta({ description: `Comma-separated, any of: ${values.join(', ')}` });

export const ListTasksQuery = z
  .object({
    status: commaList(TASK_STATUSES).optional(),
    priority: commaList(TASK_PRIORITIES).optional(),
    assignee: z
      .union([z.uuid(), z.enum(['me', 'none'])])
      .optional()
      .describe('A member’s user id, `me`, or `none` for unassigned tasks'),
    label: Label.optional().describe('Tasks carrying this label'),
    dueBefore: DueDate.optional().describe('Due on or before this date'),
    dueAfter: DueDate.optional().describe('Due on or after this date (undated tasks are left out)'),
    q: z
      .string()
      .max(200)
      .optional()
      .describe('Full-text search over title and description; words match as prefixes'),
    sort: TaskSort.optional().describe('`relevance` when `q` is given, else `position`'),
    cursor: cursorParam(TASK_CURSOR_MAX),
    limit: limitParam(PAGE_LIMIT_MAX, 50),
  })
  .strict();
export type ListTasksQuery = z.input<typeof ListTasksQuery>;
export type ListTasksOptions = z.output<typeof ListTasksQuery>;

/** The list's filters alone: which tasks, not in what order or how many at a time. */
export const TaskFilterQuery = ListTasksQuery.pick({
  status: true,
  priority: true,
  assignee: true,
  label: true,
  dueBefore: true,
  dueAfter: true,
  q: true,
}).strict();
export type TaskFilterQuery = z.input<typeof TaskFilterQuery>;
export type TaskFilterOptions = z.output<typeof TaskFilterQuery>;

/** A non-negative count, within PostgreSQL's `integer`. */
const Count = z.int().min(0).max(2_147_483_647);

/**
 * A task as a list shows it: the task, and how much there is behind it, so that a card can say so
 * without a request of its own. Only lists carry counts; a task read, written or sent in an event
 * is a plain `Task`.
 */
export const TaskListItem = Task.extend({
  counts: z
    .object({
      comments: Count.describe('Comments on the task (deleted ones are not counted)'),
      attachments: Count.describe(
        'Files attached to the task (uploads not yet checked are not counted)',
      ),
    })
    .describe('What is behind the task’s card'),
}).meta({ id: 'TaskListItem' });
export type TaskListItem = z.infer<typeof TaskListItem>;

export const TaskList = pageOf(
  TaskListItem,
  PAGE_LIMIT_MAX,
  nextCursor(TASK_CURSOR_MAX).describe('Pass as `cursor` for the next page; null on the last page'),
).meta({ id: 'TaskList' });
export type TaskList = z.infer<typeof TaskList>;

export const BulkStatusBody = requestBody('BulkStatusBody', {
  ids: z
    .array(z.uuid())
    .min(1)
    .max(PAGE_LIMIT_MAX)
    .refine((ids) => new Set(ids).size === ids.length, 'List each task once'),
  status: TaskStatus,
});
export type BulkStatusBody = z.input<typeof BulkStatusBody>;
export type BulkStatusInput = z.output<typeof BulkStatusBody>;

export const TaskItems = listOf(Task, PAGE_LIMIT_MAX).meta({ id: 'TaskItems' });

const MoveStatus = TaskStatus.describe('The column the task moves to');
/** Where a task goes: right after one task, right before one, or only into another column. */
export const MoveTaskBody = z
  .union([
    z
      .object({
        status: MoveStatus.optional(),
        afterId: z.uuid().describe('Place the task right after this one'),
      })
      .strict(),
    z
      .object({
        status: MoveStatus.optional(),
        beforeId: z.uuid().describe('Place the task right before this one'),
      })
      .strict(),
    z.object({ status: MoveStatus }).strict(),
  ])
  .meta({ id: 'MoveTaskBody' });
export type MoveTaskBody = z.input<typeof MoveTaskBody>;
export type MoveTaskInput = z.output<typeof MoveTaskBody>;

/** `If-Match: "<version>"` makes a write conditional: it fails with 412 if the `thing` has changed. */
export const ifMatchHeaders = (thing: string) =>
  z.object({
    'if-match': z
      .string()
      .max(100)
      .regex(/^(\*|"\d{1,10}")$/, `Send the ${thing}’s ETag, such as "3"`)
      .optional()
      .describe(
        `The ${thing}’s \`ETag\` (\`"<version>"\`); the write fails with 412 if it changed`,
      ),
  });
export const IfMatchHeaders = ifMatchHeaders('task');

/** A 412: the write was refused because the task changed; `current` is the task as it is now. */
export const TaskConflictProblem = ProblemDetails.extend({ current: Task }).meta({
  id: 'TaskConflictProblem',
  description: 'RFC 9457 problem details with the current version of the task',
});

export const LabelList = listOf(z.string().max(50), 500).meta({ id: 'LabelList' });

const Counts = <T extends readonly [string, ...string[]]>(keys: T) =>
  z.object(
    Object.fromEntries(keys.map((k) => [k, z.int().min(0).max(2_147_483_647)])) as Record<
      T[number],
      z.ZodInt
    >,
  );

/** A `tz` query parameter: an IANA time zone the runtime knows, UTC when not given. */
export const TimeZoneParam = z
  .string()
  .max(64)
  .default('UTC')
  .refine((tz) => {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: tz });
      return true;
    } catch {
      return false;
    }
  }, 'Use an IANA time zone such as Europe/Paris')
  .describe('The time zone “today” is counted in');

/** How many tasks of each status match a filter: the counts of a board's columns. */
export const TaskStatusCounts = z
  .object({
    byStatus: Counts(TASK_STATUSES).describe(
      'Live tasks of each status matching the filters (a status filtered out counts 0)',
    ),
  })
  .meta({ id: 'TaskStatusCounts' });
export type TaskStatusCounts = z.infer<typeof TaskStatusCounts>;

export const StatsQuery = z.object({ tz: TimeZoneParam }).strict();

export const TaskStats = z
  .object({
    byStatus: Counts(TASK_STATUSES),
    byPriority: Counts(TASK_PRIORITIES),
    total: z.int().min(0).max(2_147_483_647),
    createdToday: z.int().min(0).max(2_147_483_647),
    completedToday: z.int().min(0).max(2_147_483_647),
    overdue: z.int().min(0).max(2_147_483_647).describe('Not done, due before today'),
    completionSeries: z
      .array(z.object({ date: z.string().max(10), completed: z.int().min(0).max(2_147_483_647) }))
      .max(30)
      .describe('Tasks completed per day, the last 30 days, oldest first'),
    timeZone: z.string().max(64),
  })
  .meta({ id: 'TaskStats' });
export type TaskStats = z.infer<typeof TaskStats>;
