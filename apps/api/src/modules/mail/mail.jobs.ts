import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { DB } from '../../db/schema.ts';
import { unitOfWork } from '../../platform/db/unit-of-work.ts';
import type { Mailer } from '../../platform/mail/mailer.ts';
import type { JobDefinition } from '../../platform/queue/job-queue.ts';
import { createEffectsRepository } from './mail.repository.ts';

export const MailPayload = z.object({
  to: z.email().max(254),
  subject: z.string().min(1).max(500),
  text: z.string().max(20_000),
  /** Names the mail once: enqueued twice under one key, it is still sent once. */
  key: z.string().max(200).optional(),
});
export type MailPayload = z.infer<typeof MailPayload>;

/**
 * `mail.send`: one mail. The outbox stores it in the transaction that claims its key, so it is
 * stored exactly once; over SMTP a crash between the send and the commit can send it again (an
 * SMTP server takes no part in our transaction), never lose it.
 */
export function sendMailJob(deps: { db: Kysely<DB>; mailer: Mailer }): JobDefinition<MailPayload> {
  const uow = unitOfWork(deps.db, {
    effects: createEffectsRepository,
    outbox: (trx: Kysely<DB>) => ({ send: (mail: MailPayload) => deps.mailer.send(mail, { trx }) }),
  });
  return {
    type: 'mail.send',
    payload: MailPayload,
    async handle(mail, { jobId }) {
      await uow.run(async ({ effects, outbox }) => {
        if (!(await effects.claim(`mail.send:${mail.key ?? jobId}`, 'mail.send'))) return;
        await outbox.send(mail);
      });
    },
  };
}
