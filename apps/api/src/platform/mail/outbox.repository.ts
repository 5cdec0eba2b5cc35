import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { Mail } from './mailer.ts';

/** The development mail outbox's statement. */
export const createOutboxRepository = (db: Kysely<DB>) => ({
  store: (mail: Mail) =>
    db
      .insertInto('mail_outbox')
      .values({ to_address: mail.to, subject: mail.subject, text_body: mail.text })
      .execute(),
});
