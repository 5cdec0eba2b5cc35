import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { taskColumns } from './task-list.repository.ts';
import {
  now,
  orAssigneeError,
  type TaskChanges,
  type TaskScope,
  updateLiveTasks,
  withNewVersion,
} from './tasks.repository.ts';

/** A value per task: sent as one JSON array, read back by id in the statement. */
type PerTask<K extends string, V> = ({ id: string } & Record<K, V>)[];

const perTask = <K extends string>(key: K, type: string, rows: PerTask<K, unknown>) =>
  sql`(select v.${sql.ref(key)} from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
    as v(id uuid, ${sql.ref(key)} ${sql.raw(type)}) where v.id = tasks.id)`;

/**
 * The statements of changes to many tasks at once, each one statement whatever the number of
 * tasks; all are scoped to the live tasks of a workspace the caller is a member of.
 */
export function createTaskBulkRepository(db: Kysely<DB>) {
  return {
    /** The same change to every task; the tasks changed. */
    update: (scope: TaskScope, taskIds: string[], changes: TaskChanges) =>
      orAssigneeError(updateLiveTasks(db, scope, taskIds).set(withNewVersion(changes)).execute()),

    /** Each task its own list of labels. */
    setLabels: (scope: TaskScope, labels: PerTask<'labels', string[]>) =>
      updateLiveTasks(
        db,
        scope,
        labels.map((l) => l.id),
      )
        .set((eb) => ({
          labels: perTask('labels', 'text[]', labels) as never,
          version: eb('version', '+', 1),
          updated_at: now,
        }))
        .execute(),

    softDelete: (scope: TaskScope, taskIds: string[]) =>
      updateLiveTasks(db, scope, taskIds)
        .set((eb) => ({ deleted_at: now, updated_at: now, version: eb('version', '+', 1) }))
        .execute(),

    /**
     * Moves tasks into another workspace at the given positions: an assignee who is not a member
     * there is cleared.
     */
    moveTasks: (scope: TaskScope, targetId: string, positions: PerTask<'position', string>) =>
      updateLiveTasks(
        db,
        scope,
        positions.map((p) => p.id),
      )
        .set((eb) => ({
          workspace_id: targetId,
          position: perTask('position', 'text', positions) as never,
          assignee_id: eb
            .case()
            .when(
              eb.exists(
                eb
                  .selectFrom('workspace_members as m')
                  .select(sql`1`.as('one'))
                  .where('m.workspace_id', '=', targetId)
                  .whereRef('m.user_id', '=', 'tasks.assignee_id'),
              ),
            )
            .then(eb.ref('tasks.assignee_id'))
            .else(null)
            .end(),
          version: eb('version', '+', 1),
          updated_at: now,
        }))
        .execute(),

    /**
     * Renames a label (matched case-insensitively) on every task of a workspace that carries it,
     * deleted ones included: the live tasks as they were and as they are now.
     */
    renameLabel: async (workspaceId: string, from: string, to: string) => {
      const carries = sql<boolean>`exists (select 1 from unnest(labels) l where lower(l) = lower(${from}))`;
      const before = await db
        .selectFrom('tasks')
        .select(taskColumns)
        .select('deleted_at')
        .where('workspace_id', '=', workspaceId)
        .where(carries)
        .orderBy('id')
        .forUpdate()
        .execute();
      if (before.length === 0) return [];
      const after = await db
        .updateTable('tasks')
        .set((eb) => ({
          labels: sql<
            string[]
          >`array(select case when lower(l) = lower(${from}) then ${to} else l end
            from unnest(labels) with ordinality u(l, n) order by n)`,
          version: eb('version', '+', 1),
          updated_at: now,
        }))
        .where('workspace_id', '=', workspaceId)
        .where(carries)
        .returning(taskColumns)
        .execute();
      const byId = new Map(after.map((t) => [t.id, t]));
      return before.flatMap(({ deleted_at, ...task }) => {
        const renamed = byId.get(task.id);
        return deleted_at === null && renamed ? [{ before: task, task: renamed }] : [];
      });
    },

    /**
     * What belongs to moved tasks goes with them: comments, files and history; followers who are
     * not members of the new workspace stop following.
     */
    moveBelongings: async (taskIds: string[], targetId: string) => {
      for (const table of ['task_comments', 'task_attachments', 'task_history'] as const) {
        await db
          .updateTable(table)
          .set({ workspace_id: targetId })
          .where('task_id', 'in', taskIds)
          .execute();
      }
      await db
        .deleteFrom('task_followers as f')
        .where('f.task_id', 'in', taskIds)
        .where((eb) =>
          eb.not(
            eb.exists(
              eb
                .selectFrom('workspace_members as m')
                .select(sql`1`.as('one'))
                .where('m.workspace_id', '=', targetId)
                .whereRef('m.user_id', '=', 'f.user_id'),
            ),
          ),
        )
        .execute();
    },
  };
}
