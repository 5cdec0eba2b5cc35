import type { HistoryKind, MyWorkGroupKey, TaskPriority, TaskStatus } from '@taskflow/contract';
import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema.ts';

/** A task of "My work", with its workspace's name. */
type WorkTaskRow = {
  id: string;
  workspace_id: string;
  workspace_name: string;
  title: string;
  status: TaskStatus;
  priority: TaskPriority;
  due_date: string | null;
  updated_at: string;
};

export type AssignedRow = WorkTaskRow & { group_key: MyWorkGroupKey; total: number };

export type FollowedRow = WorkTaskRow & {
  kind: HistoryKind;
  changed_at: string;
  actor_id: string | null;
  actor_name: string | null;
};

/** Where the groups of "My work" part: local calendar dates, `YYYY-MM-DD`. */
type WorkDays = { today: string; weekEnds: string };

/**
 * The statements of "My work": the only place it meets SQL. Each reads across every workspace
 * the user belongs to, and no other (the membership join).
 */
export function createWorkRepository(db: Kysely<DB>) {
  return {
    /**
     * The user's open live tasks, grouped by due date around `days`, at most `perGroup` per group
     * (soonest due, then most urgent, first) with each group's total: one statement, walked by
     * tasks_by_assignee in each of the user's workspaces.
     */
    assigned: async (userId: string, days: WorkDays, perGroup: number) => {
      const { rows } = await sql<AssignedRow>`
        select r.id, r.workspace_id, r.workspace_name, r.title, r.status, r.priority,
          r.due_date, r.updated_at, r.group_key, r.total
        from (
          select t.id, t.workspace_id, w.name as workspace_name, t.title, t.status, t.priority,
            to_char(t.due_date, 'YYYY-MM-DD') as due_date, t.updated_at, g.group_key,
            row_number() over (
              partition by g.group_key order by t.due_date, t.priority desc, t.id
            ) as rank,
            (count(*) over (partition by g.group_key))::int as total
          from tasks t
          join workspace_members m on m.workspace_id = t.workspace_id and m.user_id = ${userId}
          join workspaces w on w.id = t.workspace_id
          cross join lateral (
            select case
              when t.due_date is null then 'noDate'
              when t.due_date < ${days.today}::date then 'overdue'
              when t.due_date = ${days.today}::date then 'today'
              when t.due_date <= ${days.weekEnds}::date then 'thisWeek'
              else 'later'
            end as group_key
          ) g
          where t.assignee_id = ${userId} and t.deleted_at is null and t.status <> 'done'
        ) r
        where r.rank <= ${perGroup}
        order by r.group_key, r.rank`.execute(db);
      return rows;
    },

    /**
     * Live tasks the user follows whose latest change by someone else is after `since`, that
     * change first, at most `limit`: one statement, from task_followers_user and each task's
     * newest history (task_history_by_task).
     */
    followed: async (userId: string, since: Date, limit: number) => {
      const { rows } = await sql<FollowedRow>`
        select t.id, t.workspace_id, w.name as workspace_name, t.title, t.status, t.priority,
          to_char(t.due_date, 'YYYY-MM-DD') as due_date, t.updated_at,
          h.kind, h.created_at as changed_at, h.actor_id, u.name as actor_name
        from task_followers f
        join tasks t on t.id = f.task_id and t.deleted_at is null
        join workspace_members m on m.workspace_id = t.workspace_id and m.user_id = f.user_id
        join workspaces w on w.id = t.workspace_id
        join lateral (
          select h.kind, h.created_at, h.actor_id
          from task_history h
          where h.task_id = t.id and h.created_at > ${since}
            and h.actor_id is distinct from ${userId}
          order by h.created_at desc, h.id desc
          limit 1
        ) h on true
        left join users u on u.id = h.actor_id
        where f.user_id = ${userId}
        order by h.created_at desc, t.id desc
        limit ${limit}`.execute(db);
      return rows;
    },
  };
}

export type WorkRepository = ReturnType<typeof createWorkRepository>;
