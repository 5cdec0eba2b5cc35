import { type Kysely, sql } from 'kysely';
import { z } from 'zod';
import type { DB } from '../../db/schema.ts';
import type { JobDefinition } from '../../platform/queue/job-queue.ts';
import { appendEvents } from '../events/events.repository.ts';
import type { MailPayload } from '../jobs/mail.jobs.ts';
import { notify } from '../notifications/notify.ts';

/** Reminders made per run; a larger backlog is taken by the next runs. */
const BATCH = 500;

type Deps = {
  db: Kysely<DB>;
  appUrl: string;
  /** Enqueues a reminder mail in the transaction that records the reminder. */
  mail: (trx: Kysely<DB>, mail: MailPayload) => Promise<unknown>;
};

/**
 * The open, assigned tasks due today or tomorrow (UTC) that have had no reminder for this due
 * date; each is claimed in `due_reminders` in the same statement, so a reminder is made once per
 * task and due date, however many runs or workers see it.
 */
function claimDue(trx: Kysely<DB>) {
  return sql<{
    task_id: string;
    workspace_id: string;
    title: string;
    due_date: string;
    assignee_id: string;
    email: string;
    today: boolean;
  }>`
    with due as (
      select t.id, t.due_date from tasks t
      where t.deleted_at is null and t.status <> 'done' and t.assignee_id is not null
        and t.due_date between current_date and current_date + 1
      order by t.due_date, t.id
      limit ${BATCH}
    ), claimed as (
      insert into due_reminders (task_id, due_date)
      select id, due_date from due
      on conflict do nothing
      returning task_id, due_date
    )
    select t.id as task_id, t.workspace_id, t.title, to_char(c.due_date, 'YYYY-MM-DD') as due_date,
      t.assignee_id, u.email, c.due_date = current_date as today
    from claimed c join tasks t on t.id = c.task_id join users u on u.id = t.assignee_id`.execute(
    trx,
  );
}

/** `tasks.due-reminders` (every 15 minutes): tells assignees, in the app and by mail. */
export function dueRemindersJob(deps: Deps): JobDefinition<Record<string, never>> {
  return {
    type: 'tasks.due-reminders',
    payload: z.object({}).strict(),
    cron: '*/15 * * * *',
    async handle(_payload, { logger }) {
      const made = await deps.db.transaction().execute(async (trx) => {
        const { rows } = await claimDue(trx);
        const events = await notify(
          trx,
          rows.map((r) => ({
            userId: r.assignee_id,
            type: 'task.due',
            workspaceId: r.workspace_id,
            taskId: r.task_id,
            actorId: null,
            title: `“${r.title}” is due ${r.today ? 'today' : 'tomorrow'}`,
          })),
        );
        for (const r of rows) {
          await deps.mail(trx, {
            to: r.email,
            subject: `Due ${r.today ? 'today' : 'tomorrow'}: ${r.title}`.slice(0, 500),
            text: `“${r.title}” is due on ${r.due_date}.\n\n${deps.appUrl}/w/${r.workspace_id}/tasks/${r.task_id}\n`,
            key: `due:${r.task_id}:${r.due_date}`,
          });
        }
        await appendEvents(trx, events);
        return rows.length;
      });
      logger.info({ reminders: made }, 'due-date reminders made');
    },
  };
}
