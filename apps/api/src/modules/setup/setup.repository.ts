import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { insertPersonalWorkspace } from '../auth/index.ts';

const userColumns = ['id', 'email', 'name', 'role', 'email_verified_at', 'created_at'] as const;

/** Setup links and the one change they make: an administrator where there was none. */
export function createSetupRepository(db: Kysely<DB>) {
  return {
    hasAdmin: async () =>
      (await db
        .selectFrom('users')
        .select('id')
        .where('role', '=', 'admin')
        .limit(1)
        .executeTakeFirst()) !== undefined,

    /** Unused links are replaced by the newest one: only the last link printed works. */
    deleteUnusedLinks: () => db.deleteFrom('setup_links').where('used_at', 'is', null).execute(),

    insertLink: (link: { tokenHash: string; expiresAt: Date }) =>
      db
        .insertInto('setup_links')
        .values({ token_hash: link.tokenHash, expires_at: link.expiresAt })
        .execute(),

    findLink: (tokenHash: string) =>
      db
        .selectFrom('setup_links')
        .select(['expires_at', 'used_at', sql<boolean>`expires_at <= now()`.as('expired')])
        .where('token_hash', '=', tokenHash)
        .executeTakeFirst(),

    /**
     * Marks the link used by `userId`, if it is unused and unexpired: undefined otherwise. The
     * row lock makes a second use, even a concurrent one, find it used.
     */
    useLink: (tokenHash: string, userId: string) =>
      db
        .updateTable('setup_links')
        .set({ used_at: sql<Date>`now()`, used_by: userId })
        .where('token_hash', '=', tokenHash)
        .where('used_at', 'is', null)
        .where(sql<boolean>`expires_at > now()`)
        .returning('token_hash')
        .executeTakeFirst(),

    /** A verified administrator with a personal workspace; undefined when the email is taken. */
    insertAdmin: async (user: { email: string; name: string; passwordHash: string }) => {
      const row = await db
        .insertInto('users')
        .values({
          email: user.email,
          name: user.name,
          password_hash: user.passwordHash,
          role: 'admin',
          email_verified_at: sql<Date>`now()`,
        })
        .onConflict((oc) => oc.expression(sql`lower(email)`).doNothing())
        .returning(userColumns)
        .executeTakeFirst();
      if (row) await insertPersonalWorkspace(db, row.id);
      return row;
    },

    /** Undefined when the user does not exist or is disabled. */
    promote: (userId: string) =>
      db
        .updateTable('users')
        .set({ role: 'admin', updated_at: sql<Date>`now()` })
        .where('id', '=', userId)
        .where('disabled_at', 'is', null)
        .returning(userColumns)
        .executeTakeFirst(),
  };
}

export type SetupRepository = ReturnType<typeof createSetupRepository>;
