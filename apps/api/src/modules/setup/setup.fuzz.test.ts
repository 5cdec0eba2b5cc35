import { beforeAll, vi } from 'vitest';
import { useFuzzApp } from '../../test/fuzz/app.ts';
import { describeFuzz, type PlannedOperation } from '../../test/fuzz/runner.ts';
import { newUser, type User } from '../../test/workspaces.ts';
import { createSetupRepository } from './setup.repository.ts';
import { issueSetupLink } from './setup.service.ts';

vi.mock('@node-rs/argon2', async (actual) =>
  (await import('../../test/fuzz/passwords.ts')).cheapArgon2(actual),
);

/**
 * The setup operations, fuzzed from their own schemas with a live link mixed in where a use
 * would not spend it: no server error, no undeclared status, no body off its schema.
 */
const ctx = useFuzzApp();
let user: User;
let token = '';

beforeAll(async () => {
  user = await newUser(ctx.app, ctx.database, 'someone@example.com');
  token = (await issueSetupLink(createSetupRepository(ctx.database.db)))?.token ?? '';
});

const plan: Record<string, PlannedOperation> = {
  'POST /api/v1/setup/check': { examples: () => ({ token: [token] }), reaches: [200, 400, 404] },
  'POST /api/v1/setup/account': { reaches: [400, 404] },
  'POST /api/v1/setup/promote': { reaches: [400, 404] },
};

describeFuzz('schema-driven fuzzing of the setup operations', {
  tags: ['setup'],
  target: () => ctx,
  runs: 100,
  headers: () => ({ authorization: `Bearer ${user.accessToken}` }),
  plan,
});
