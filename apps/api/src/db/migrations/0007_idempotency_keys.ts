import { type Kysely, sql } from 'kysely';
import type { MigrationPhase } from './index.ts';

export const phase: MigrationPhase = 'expand';

/**
 * `Idempotency-Key`s of POST requests (platform/idempotency): the request they were first used
 * for, whether its transaction committed, and the response to give again. Kept for 24 hours.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('idempotency_keys')
    .addColumn('user_id', 'uuid', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('fingerprint', 'text', (c) => c.notNull())
    // The request running under the key; a request that takes over a dead one's key gets a new
    // owner, and only the owner's transaction can mark the key committed (a fencing token).
    .addColumn('owner', 'uuid', (c) => c.notNull())
    // Set in the transaction of the request's write: a retry then never writes twice.
    .addColumn('committed', 'boolean', (c) => c.notNull().defaultTo(false))
    // Renewed while the owner runs: a lock not renewed for a few seconds has lost its process.
    .addColumn('locked_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('status', 'integer')
    .addColumn('response_headers', 'jsonb')
    .addColumn('response_body', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('idempotency_keys_pkey', ['user_id', 'key'])
    .execute();
  await db.schema
    .createIndex('idempotency_keys_by_time')
    .on('idempotency_keys')
    .column('created_at')
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('idempotency_keys').execute();
}
