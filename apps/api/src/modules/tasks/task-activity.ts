import type { FieldChange } from '@taskflow/contract';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { appendEvents, type NewEvent } from '../events/index.ts';
import {
  createNotificationsRepository,
  type NewNotification,
  notify,
} from '../notifications/index.ts';
import { createTaskHistoryRepository, type NewHistoryEntry } from './task-history.repository.ts';
import { toTask } from './task-json.ts';
import type { TaskRow } from './tasks.repository.ts';

/** A change to one task, with the task as it was where that matters. */
type TaskChange =
  | { kind: 'created'; task: TaskRow }
  | { kind: 'updated'; task: TaskRow; before: TaskRow }
  | { kind: 'deleted'; task: TaskRow }
  | { kind: 'restored'; task: TaskRow }
  /** To another workspace: `task` is in it, `before` still in the one it left. */
  | { kind: 'moved'; task: TaskRow; before: TaskRow };

const statusNames = { todo: 'To do', in_progress: 'In progress', done: 'Done' } as const;

/** The fields whose change is worth telling followers about (a reorder alone is not). */
function meaningful(before: TaskRow, after: TaskRow) {
  return (
    before.title !== after.title ||
    before.description !== after.description ||
    before.status !== after.status ||
    before.priority !== after.priority ||
    before.due_date !== after.due_date ||
    before.assignee_id !== after.assignee_id ||
    before.labels.join('\n') !== after.labels.join('\n')
  );
}

/** What a change did to each field, from → to; long texts and positions are not repeated. */
function fieldChanges(before: TaskRow, after: TaskRow): FieldChange[] {
  const changes: FieldChange[] = [];
  const same = (a: unknown, b: unknown) =>
    Array.isArray(a) && Array.isArray(b) ? a.join('\n') === b.join('\n') : a === b;
  const compare = (
    field: FieldChange['field'],
    from: FieldChange['from'],
    to: FieldChange['to'],
  ) => {
    if (!same(from, to)) changes.push({ field, from, to });
  };
  compare('title', before.title, after.title);
  if (before.description !== after.description) {
    changes.push({ field: 'description', from: null, to: null });
  }
  compare('status', before.status, after.status);
  compare('priority', before.priority, after.priority);
  compare('dueDate', before.due_date, after.due_date);
  compare('assigneeId', before.assignee_id, after.assignee_id);
  compare('labels', before.labels, after.labels);
  if (before.position !== after.position) changes.push({ field: 'position', from: null, to: null });
  return changes;
}

/** The history entry of a change; none for an update that changed no field. */
function historyEntry(change: TaskChange, actorId: string): NewHistoryEntry[] {
  const entry = {
    workspaceId: change.task.workspace_id,
    taskId: change.task.id,
    actorId,
    kind: eventTypes[change.kind],
  };
  if (change.kind === 'moved') {
    // Where it now sits says nothing to the workspace it arrives in; what it lost does.
    const lost = fieldChanges(change.before, change.task).filter((c) => c.field !== 'position');
    return [{ ...entry, changes: lost }];
  }
  if (change.kind !== 'updated') return [entry];
  const changes = fieldChanges(change.before, change.task);
  return changes.length > 0 ? [{ ...entry, changes }] : [];
}

/** Someone other than the actor now holds the task. */
function newAssignee(change: TaskChange, actorId: string): string | undefined {
  const assignee = change.task.assignee_id;
  if (!assignee || assignee === actorId) return undefined;
  if (change.kind === 'created') return assignee;
  if (change.kind === 'updated' && change.before.assignee_id !== assignee) return assignee;
  return undefined;
}

function changedTitle(change: TaskChange, actor: string): string | undefined {
  const title = `“${change.task.title}”`;
  switch (change.kind) {
    case 'created':
      return undefined;
    case 'deleted':
      return `${actor} deleted ${title}`;
    case 'restored':
      return `${actor} restored ${title}`;
    case 'moved':
      return `${actor} moved ${title} to another workspace`;
    case 'updated':
      if (!meaningful(change.before, change.task)) return undefined;
      return change.before.status !== change.task.status
        ? `${actor} moved ${title} to ${statusNames[change.task.status]}`
        : `${actor} changed ${title}`;
  }
}

const eventTypes = {
  created: 'task.created',
  updated: 'task.updated',
  deleted: 'task.deleted',
  restored: 'task.restored',
  moved: 'task.moved',
} as const;

/**
 * The events of a change. A move is, to each workspace's members, a task leaving one and a task
 * arriving in the other: the events they already handle.
 */
function taskEvents(change: TaskChange, actorId: string): NewEvent[] {
  const task = change.task;
  if (change.kind === 'moved') {
    return [
      {
        type: 'task.deleted',
        workspaceId: change.before.workspace_id,
        actorId,
        data: { taskId: task.id },
      },
      {
        type: 'task.created',
        workspaceId: task.workspace_id,
        actorId,
        data: { task: toTask(task) },
      },
    ];
  }
  return [
    {
      type: eventTypes[change.kind],
      workspaceId: task.workspace_id,
      actorId,
      data: change.kind === 'deleted' ? { taskId: task.id } : { task: toTask(task) },
    },
  ];
}

/**
 * The one path every change to tasks takes, bound to the transaction that made it, as its last
 * statements: the creator and a new assignee follow the task; the assignee and the followers
 * are notified; the events of the changes and notifications go to the outbox.
 */
export const createTaskActivity = (trx: Kysely<DB>) => ({
  record: (actorId: string, changes: TaskChange[]) => recordTaskChanges(trx, actorId, changes),
});

async function recordTaskChanges(
  trx: Kysely<DB>,
  actorId: string,
  changes: TaskChange[],
): Promise<void> {
  if (changes.length === 0) return;
  const repo = createNotificationsRepository(trx);
  const follows = changes.flatMap((c) => {
    const pairs = c.kind === 'created' ? [{ taskId: c.task.id, userId: actorId }] : [];
    const assignee = newAssignee(c, actorId);
    return assignee ? [...pairs, { taskId: c.task.id, userId: assignee }] : pairs;
  });

  const notices: NewNotification[] = [];
  const told = changes.filter((c) => c.kind !== 'created').map((c) => c.task.id);
  const audience = told.length > 0 ? await repo.audience(told, actorId) : [];
  const assigned = changes.filter((c) => newAssignee(c, actorId));
  const actor =
    audience[0]?.actor_name ??
    (assigned.length > 0 ? await repo.nameOf(actorId) : null) ??
    'Someone';
  const base = (c: TaskChange) => ({
    workspaceId: c.task.workspace_id,
    taskId: c.kind === 'deleted' ? null : c.task.id,
    actorId,
  });
  for (const c of changes) {
    const assignee = newAssignee(c, actorId);
    if (assignee) {
      notices.push({
        ...base(c),
        userId: assignee,
        type: 'task.assigned',
        title: `${actor} assigned you “${c.task.title}”`,
      });
    }
    const title = changedTitle(c, actor);
    if (!title) continue;
    for (const follower of audience) {
      if (follower.task_id !== c.task.id || follower.user_id === assignee) continue;
      notices.push({ ...base(c), userId: follower.user_id, type: 'task.changed', title });
    }
  }

  await repo.follow(follows);
  await createTaskHistoryRepository(trx).insert(changes.flatMap((c) => historyEntry(c, actorId)));
  const noticeEvents = await notify(trx, notices);
  await appendEvents(trx, [...changes.flatMap((c) => taskEvents(c, actorId)), ...noticeEvents]);
}
