import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { liveTasks } from './task-list.repository.ts';

/** A live task of a workspace, as seen by `userId`. */
export type TaskScope = { workspaceId: string; taskId: string; userId: string };

/**
 * The caller's role in the workspace and the task's title (null unless the task is live
 * there), in one statement; undefined when the caller is not a member. What comments and
 * attachments check before anything else.
 */
export const taskAccess = (db: Kysely<DB>, scope: TaskScope) =>
  db
    .selectFrom('workspace_members as m')
    .select(['m.role', 'm.user_id'])
    .select(
      liveTasks(db, scope.workspaceId, 't')
        .select('t.title')
        .where('t.id', '=', scope.taskId)
        .as('task_title'),
    )
    .where('m.workspace_id', '=', scope.workspaceId)
    .where('m.user_id', '=', scope.userId)
    .executeTakeFirst();
