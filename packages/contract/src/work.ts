import { z } from 'zod';
import { HistoryKind } from './comments.ts';
import { explainedEnum } from './named.ts';
import { cursorParam, limitParam, pageOf } from './pagination.ts';
import { MAX_LABELS, TaskPriority, TaskStatus, TimeZoneParam } from './tasks.ts';

/** The most tasks one group of "My work" lists; `total` counts them all. */
export const MY_WORK_GROUP_MAX = 100;
/** The most followed tasks "My work" lists as recently changed. */
export const MY_WORK_FOLLOWING_MAX = 50;
/** How far back a followed task's change by someone else counts as recent. */
export const MY_WORK_FOLLOWING_DAYS = 7;
export const TRASH_PAGE_MAX = 100;

export const MyWorkQuery = z.object({ tz: TimeZoneParam }).strict();
export type MyWorkQuery = z.input<typeof MyWorkQuery>;

export const MY_WORK_GROUPS = ['overdue', 'today', 'thisWeek', 'later', 'noDate'] as const;
export const MyWorkGroupKey = explainedEnum('MyWorkGroupKey', MY_WORK_GROUPS, {
  overdue: 'due before today',
  today: 'due today',
  thisWeek: 'due after today, up to and including the coming Sunday',
  later: 'due after the coming Sunday',
  noDate: 'no due date',
});
export type MyWorkGroupKey = z.infer<typeof MyWorkGroupKey>;

const WorkspaceName = z.string().max(100);

export const MyWorkTask = z
  .object({
    id: z.uuid(),
    workspaceId: z.uuid(),
    workspaceName: WorkspaceName,
    title: z.string().max(200),
    status: TaskStatus,
    priority: TaskPriority,
    dueDate: z.string().max(10).nullable(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: 'MyWorkTask' });
export type MyWorkTask = z.infer<typeof MyWorkTask>;

export const MyWorkGroup = z
  .object({
    key: MyWorkGroupKey,
    total: z.int().min(0).max(2_147_483_647).describe('All the group’s tasks, listed or not'),
    items: z.array(MyWorkTask).max(MY_WORK_GROUP_MAX).describe('Soonest due first'),
  })
  .meta({ id: 'MyWorkGroup' });
export type MyWorkGroup = z.infer<typeof MyWorkGroup>;

export const FollowedChange = z
  .object({
    task: MyWorkTask,
    kind: HistoryKind,
    changedAt: z.iso.datetime(),
    changedBy: z
      .object({ id: z.uuid(), name: z.string().max(100) })
      .nullable()
      .describe('Null when the account no longer exists'),
  })
  .meta({ id: 'FollowedChange' });
export type FollowedChange = z.infer<typeof FollowedChange>;

export const MyWork = z
  .object({
    timeZone: z.string().max(64),
    today: z.iso.date().max(10).describe('Today in `timeZone`'),
    weekEnds: z.iso.date().max(10).describe('The coming Sunday (today on a Sunday)'),
    groups: z
      .array(MyWorkGroup)
      .max(MY_WORK_GROUPS.length)
      .describe('Every group, in this order: overdue, today, thisWeek, later, noDate'),
    following: z
      .array(FollowedChange)
      .max(MY_WORK_FOLLOWING_MAX)
      .describe(
        `Live tasks you follow that someone else changed in the last ${MY_WORK_FOLLOWING_DAYS} days, most recent change first`,
      ),
  })
  .meta({ id: 'MyWork' });
export type MyWork = z.infer<typeof MyWork>;

export const TrashQuery = z
  .object({ cursor: cursorParam(), limit: limitParam(TRASH_PAGE_MAX, 50) })
  .strict();
export type TrashQuery = z.input<typeof TrashQuery>;

export const TrashedTask = z
  .object({
    id: z.uuid(),
    workspaceId: z.uuid(),
    title: z.string().max(200),
    status: TaskStatus,
    priority: TaskPriority,
    dueDate: z.string().max(10).nullable(),
    assigneeId: z.uuid().nullable(),
    labels: z.array(z.string().max(50)).max(MAX_LABELS),
    deletedAt: z.iso.datetime(),
    restorableUntil: z.iso.datetime().describe('After this, the task is gone for good'),
  })
  .meta({ id: 'TrashedTask' });
export type TrashedTask = z.infer<typeof TrashedTask>;

export const TrashPage = pageOf(TrashedTask, TRASH_PAGE_MAX).meta({
  id: 'TrashPage',
  description: 'Deleted tasks that can still be restored, most recently deleted first',
});
export type TrashPage = z.infer<typeof TrashPage>;
