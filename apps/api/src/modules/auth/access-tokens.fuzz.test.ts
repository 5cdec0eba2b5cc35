import { beforeAll, vi } from 'vitest';
import { createAccessToken } from '../../test/access-tokens.ts';
import { useFuzzApp } from '../../test/fuzz/app.ts';
import { describeFuzz, type PlannedOperation } from '../../test/fuzz/runner.ts';
import { newUser, type User } from '../../test/workspaces.ts';

vi.mock('@node-rs/argon2', async (actual) =>
  (await import('../../test/fuzz/passwords.ts')).cheapArgon2(actual),
);

/**
 * Every personal access token operation of the served document, fuzzed from its own schemas:
 * no answer may be a server error, an undeclared status or a body off its schema. Requests go
 * by turns with the owner's session and with tokens (which these operations refuse with 403).
 */
const ctx = useFuzzApp({ ACCESS_TOKEN_CREATE_RATE_LIMIT: '100000' });
let owner: User;
const known = { own: [] as string[], theirs: '', tokens: [] as string[] };

beforeAll(async () => {
  owner = await newUser(ctx.app, ctx.database, 'owner@example.com');
  const other = await newUser(ctx.app, ctx.database, 'other@example.com');
  for (const scope of ['read', 'read_write'] as const) {
    const created = await createAccessToken(owner, { scope });
    known.own.push(created.id);
    known.tokens.push(created.token);
  }
  known.theirs = (await createAccessToken(other)).id;
});

/** Mostly the owner's session; one request in four with one of the owner's tokens. */
let turn = 0;
const callers = () => {
  turn += 1;
  const token = turn % 4 === 0 ? known.tokens[(turn / 4) % known.tokens.length] : owner.accessToken;
  return { authorization: `Bearer ${token}` };
};

const byOwner = (...reaches: number[]): PlannedOperation => ({
  headers: callers,
  examples: () => ({ id: [...known.own, known.theirs], name: ['CI', 'Backup'] }),
  reaches,
});

/** In run order: revoking comes last. */
const plan: Record<string, PlannedOperation> = {
  'GET /api/v1/me/access-tokens': byOwner(200, 401, 403),
  'POST /api/v1/me/access-tokens': byOwner(201, 400, 401, 403),
  'POST /api/v1/me/access-tokens/{id}/revoke': byOwner(204, 400, 401, 403, 404),
};

describeFuzz('schema-driven fuzzing of the personal access token operations', {
  tags: ['access-tokens'],
  target: () => ctx,
  runs: 150,
  plan,
});
