import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { DB } from '../../db/schema.ts';
import { createOutboxRepository } from './outbox.repository.ts';

export type Mail = { to: string; subject: string; text: string };

/**
 * Where TaskFlow's mail goes: the development outbox in embedded mode, SMTP in a cluster. With
 * `trx`, the outbox stores the mail in that transaction (SMTP cannot take part in one).
 */
export type Mailer = {
  send(mail: Mail, options?: { trx?: Kysely<DB> }): Promise<void>;
  close?(): void;
};

/**
 * Stores every mail in the `mail_outbox` table, readable by admins. With `logLinks` (local
 * development only) the links in a mail are also logged, so a developer can follow them from
 * the terminal; elsewhere they never reach a log, since they carry one-time tokens.
 */
export function createOutboxMailer(db: Kysely<DB>, logger: Logger, logLinks: boolean): Mailer {
  return {
    async send(mail, options) {
      await createOutboxRepository(options?.trx ?? db).store(mail);
      const links = logLinks ? (mail.text.match(/https?:\/\/\S+/g) ?? []) : undefined;
      logger.info({ subject: mail.subject, links }, 'mail stored in the development outbox');
    },
  };
}
