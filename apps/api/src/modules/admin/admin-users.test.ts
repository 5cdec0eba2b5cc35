import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../platform/db/database.ts';
import { unitOfWork } from '../../platform/db/unit-of-work.ts';
import { DomainError } from '../../platform/errors.ts';
import { createMigratedTestDatabase } from '../../test/database.ts';
import { createAccountRecords, createAdminAccount } from '../auth/index.ts';
import { createOutbox } from '../events/index.ts';
import { createAdminRepository } from './admin.repository.ts';
import { type Actor, createAdminUsers } from './admin.service.ts';

let database: Database;
let actor: Actor & { userId: string };
let subjectId: string;

const client = { ip: '203.0.113.7', userAgent: 'test' };

beforeAll(async () => {
  database = await createMigratedTestDatabase();
  const account = (email: string) =>
    createAdminAccount(
      database.db,
      { email, name: email, password: 'a long test password' },
      client,
    );
  const admin = await account('admin@example.com');
  const subject = await account('subject@example.com');
  if (!admin || !subject) throw new Error('accounts were not created');
  actor = { userId: admin.id, client };
  subjectId = subject.id;
});

afterAll(async () => {
  await database?.close();
});

/** The service over the test database; `failAudit` makes every audit row fail to be written. */
function adminUsers({ failAudit = false } = {}) {
  const forgotten: string[] = [];
  const users = createAdminUsers({
    repo: createAdminRepository(database.db),
    uow: unitOfWork(database.db, {
      admin: createAdminRepository,
      accounts: (trx) => {
        const records = createAccountRecords(trx);
        return failAudit
          ? { ...records, audit: () => Promise.reject(new Error('audit unavailable')) }
          : records;
      },
      outbox: createOutbox,
    }),
    forget: (userId) => forgotten.push(userId),
  });
  return { users, forgotten };
}

const subject = () => createAdminRepository(database.db).findUser(subjectId);

describe('administrators changing users', () => {
  it('a change whose audit row cannot be written is not made at all', async () => {
    const { users, forgotten } = adminUsers({ failAudit: true });
    await expect(users.disable(actor, subjectId)).rejects.toThrow('audit unavailable');
    await expect(users.setRole(actor, subjectId, 'user')).rejects.toThrow('audit unavailable');
    const row = await subject();
    expect(row?.disabled_at).toBeNull();
    expect(row?.role).toBe('admin');
    expect(forgotten).toEqual([]);
  });

  it('disables, demotes and enables, each with its audit row, and forgets the user after', async () => {
    const { users, forgotten } = adminUsers();
    await users.disable(actor, subjectId);
    expect((await subject())?.disabled_at).not.toBeNull();
    expect((await users.setRole(actor, subjectId, 'user')).role).toBe('user');
    expect((await users.enable(actor, subjectId)).disabled).toBe(false);
    expect(forgotten).toEqual([subjectId, subjectId, subjectId]);
  });

  it("tells the user's tabs of a role change with an event on their own channel", async () => {
    const { users } = adminUsers();
    await users.setRole(actor, subjectId, 'admin');
    await users.setRole(actor, subjectId, 'user');
    const events = await database.db
      .selectFrom('events')
      .select(['type', 'workspace_id', 'actor_id', 'payload'])
      .where('user_id', '=', subjectId)
      .where('type', '=', 'user.role_changed')
      .orderBy('id')
      .execute();
    expect(events.slice(-2)).toEqual([
      {
        type: 'user.role_changed',
        workspace_id: null,
        actor_id: actor.userId,
        payload: { role: 'admin' },
      },
      {
        type: 'user.role_changed',
        workspace_id: null,
        actor_id: actor.userId,
        payload: { role: 'user' },
      },
    ]);
  });

  it('refuses to disable oneself, or to demote the last administrator', async () => {
    const { users } = adminUsers();
    await expect(users.disable(actor, actor.userId)).rejects.toBeInstanceOf(DomainError);
    const demote = users.setRole(actor, actor.userId, 'user');
    await expect(demote).rejects.toMatchObject({ code: 'CONFLICT' });
    expect((await createAdminRepository(database.db).findUser(actor.userId))?.role).toBe('admin');
  });
});
