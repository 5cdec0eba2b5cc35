import { describe, expect, it } from 'vitest';
import { useMigratedSqlRecorder } from '../../test/sql-recorder-migrated.ts';
import { createOutboxRepository } from './outbox.repository.ts';

/** The SQL of the development mail outbox, as sent: see __snapshots__/outbox.repository.sql. */
const sql = useMigratedSqlRecorder();

describe('mail outbox repository SQL', () => {
  it('matches the snapshot', async () => {
    const mail = { to: 'sql@example.com', subject: 'Hello', text: 'Hello there' };
    await sql.record('store', () => createOutboxRepository(sql.db).store(mail));
    await expect(sql.text()).toMatchFileSnapshot('./__snapshots__/outbox.repository.sql');
  });
});
