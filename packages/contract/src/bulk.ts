import { z } from 'zod';
import { requestBody } from './named.ts';
import { listOf } from './pagination.ts';
import { Labels, Task, TaskPriority, TaskStatus } from './tasks.ts';

/** The most tasks one bulk request may change. */
export const BULK_MAX_TASKS = 200;

const action = <T extends string, S extends z.ZodRawShape>(
  type: T,
  shape: S,
  description: string,
) =>
  z
    .object({ type: z.literal(type), ...shape })
    .strict()
    .meta({ description });

export const BulkAction = z
  .discriminatedUnion('type', [
    action('status', { status: TaskStatus }, 'Set the status'),
    action(
      'assignee',
      { assigneeId: z.uuid().nullable().describe('A member of the workspace; null unassigns') },
      'Assign to one member, or to nobody',
    ),
    action('priority', { priority: TaskPriority }, 'Set the priority'),
    action(
      'addLabels',
      { labels: Labels.pipe(z.array(z.string()).min(1)) },
      'Add labels (a task keeps at most 20)',
    ),
    action(
      'removeLabels',
      { labels: Labels.pipe(z.array(z.string()).min(1)) },
      'Remove labels (compared case-insensitively)',
    ),
    action('delete', {}, 'Delete the tasks; each can be restored for 30 days'),
    action(
      'move',
      {
        targetWorkspaceId: z
          .uuid()
          .describe(
            'Another workspace of the caller; assignees who are not members there are cleared',
          ),
      },
      'Move the tasks to another workspace, with their comments, files and history',
    ),
  ])
  .meta({ id: 'BulkAction' });
export type BulkAction = z.output<typeof BulkAction>;

export const BulkTasksBody = requestBody('BulkTasksBody', {
  taskIds: z
    .array(z.uuid())
    .min(1)
    .max(BULK_MAX_TASKS)
    .refine((ids) => new Set(ids).size === ids.length, 'List each task once'),
  action: BulkAction,
});
export type BulkTasksBody = z.input<typeof BulkTasksBody>;
export type BulkTasksInput = z.output<typeof BulkTasksBody>;

export const BulkTasksResult = listOf(Task, BULK_MAX_TASKS)
  .describe(
    'The tasks as the action left them, in the order asked: deleted ones as they were deleted, moved ones in their new workspace',
  )
  .meta({ id: 'BulkTasksResult' });
export type BulkTasksResult = z.infer<typeof BulkTasksResult>;
