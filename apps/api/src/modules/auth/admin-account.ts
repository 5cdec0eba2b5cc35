import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { type Client, createAuthRepository } from './auth.repository.ts';
import { createPasswordService, requireAcceptablePassword } from './password.ts';

/**
 * A verified administrator account, from the operator's command line: undefined when the email
 * already has an account. The password is checked as at sign-up.
 */
export async function createAdminAccount(
  db: Kysely<DB>,
  account: { email: string; name: string; password: string },
  client: Client,
) {
  requireAcceptablePassword(account.password, 'password');
  const repo = createAuthRepository(db);
  const passwordHash = await createPasswordService().hash(account.password);
  const created = await repo.insertAdmin({
    email: account.email,
    name: account.name,
    passwordHash,
  });
  if (!created) return undefined;
  await repo.audit({
    type: 'user.role_changed',
    subjectId: created.id,
    client,
    detail: { role: 'admin', via: 'cli' },
  });
  return created;
}
