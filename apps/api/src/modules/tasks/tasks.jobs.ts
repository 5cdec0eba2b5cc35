import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { DB } from '../../db/schema.ts';
import { unitOfWork } from '../../platform/db/unit-of-work.ts';
import type { JobDefinition } from '../../platform/queue/job-queue.ts';
import type { MailPayload } from '../mail/index.ts';
import { createNotices } from '../notifications/index.ts';
import { createTasksRepository } from './tasks.repository.ts';

/** Reminders made per run; a larger backlog is taken by the next runs. */
const BATCH = 500;

type Deps = {
  db: Kysely<DB>;
  appUrl: string;
  /** Enqueues a reminder mail in the transaction that records the reminder. */
  mail: (trx: Kysely<DB>, mail: MailPayload) => Promise<unknown>;
};

/** `tasks.due-reminders` (every 15 minutes): tells assignees, in the app and by mail. */
export function dueRemindersJob(deps: Deps): JobDefinition<Record<string, never>> {
  const uow = unitOfWork(deps.db, {
    tasks: createTasksRepository,
    notices: createNotices,
    mail: (trx: Kysely<DB>) => ({ enqueue: (mail: MailPayload) => deps.mail(trx, mail) }),
  });
  return {
    type: 'tasks.due-reminders',
    payload: z.object({}).strict(),
    cron: '*/15 * * * *',
    async handle(_payload, { logger }) {
      const made = await uow.run(async ({ tasks, notices, mail }) => {
        const rows = await tasks.claimDueReminders(BATCH);
        await notices.send(
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
          await mail.enqueue({
            to: r.email,
            subject: `Due ${r.today ? 'today' : 'tomorrow'}: ${r.title}`.slice(0, 500),
            text: `“${r.title}” is due on ${r.due_date}.\n\n${deps.appUrl}/w/${r.workspace_id}/tasks/${r.task_id}\n`,
            key: `due:${r.task_id}:${r.due_date}`,
          });
        }
        return rows.length;
      });
      logger.info({ reminders: made }, 'due-date reminders made');
    },
  };
}
