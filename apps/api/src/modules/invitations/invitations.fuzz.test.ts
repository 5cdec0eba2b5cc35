import { beforeAll, vi } from 'vitest';
import { useFuzzApp } from '../../test/fuzz/app.ts';
import { describeFuzz, type PlannedOperation } from '../../test/fuzz/runner.ts';
import type { User } from '../../test/workspaces.ts';
import { addMember, createWorkspace, newUser } from '../../test/workspaces.ts';

vi.mock('@node-rs/argon2', async (actual) =>
  (await import('../../test/fuzz/passwords.ts')).cheapArgon2(actual),
);

/**
 * Every invitation operation of the served document, fuzzed from its own schemas with real ids
 * and tokens mixed in: no server error, no undeclared status, no body off its schema.
 */
const ctx = useFuzzApp({
  ADD_MEMBER_RATE_LIMIT: '100000',
  INVITE_RATE_LIMIT: '100000',
  INVITATION_ACCEPT_RATE_LIMIT: '100000',
});
let owner: User;
const known = {
  /** Owned by the caller. */
  workspace: '',
  /** The caller is a member, not an owner. */
  memberOf: '',
  links: [] as string[],
  /** Tokens of links to workspaces the caller is not in yet (accepting one works once). */
  tokens: [] as string[],
};

beforeAll(async () => {
  owner = await newUser(ctx.app, ctx.database, 'owner@example.com');
  const teammate = await newUser(ctx.app, ctx.database, 'teammate@example.com');
  known.workspace = (await createWorkspace(owner, 'Shared')).id;
  await addMember(owner, known.workspace, teammate.email);
  known.memberOf = (await createWorkspace(teammate, 'Theirs')).id;
  await addMember(teammate, known.memberOf, owner.email);
  for (let i = 0; i < 3; i++) {
    const link = await owner.send('POST', `/api/v1/workspaces/${known.workspace}/invite-links`, {});
    known.links.push(link.json().id);
    const other = (await createWorkspace(teammate, `Other ${i}`)).id;
    const url: string = (
      await teammate.send('POST', `/api/v1/workspaces/${other}/invite-links`, { maxUses: 1 })
    ).json().url;
    known.tokens.push(url.slice(url.indexOf('#') + 1));
  }
});

const onWorkspace = (...reaches: number[]): PlannedOperation => ({
  examples: () => ({
    workspaceId: [known.workspace, known.workspace, known.memberOf],
    invitationId: known.links,
    email: ['teammate@example.com', 'someone.new@example.com'],
  }),
  reaches,
});

const withToken = (...reaches: number[]): PlannedOperation => ({
  examples: () => ({ token: known.tokens }),
  reaches,
});

/** In run order: revoking comes last. */
const plan: Record<string, PlannedOperation> = {
  'GET /api/v1/workspaces/{workspaceId}/invitations': onWorkspace(200, 400, 403, 404),
  'POST /api/v1/workspaces/{workspaceId}/invitations': onWorkspace(201, 400, 403, 404, 409),
  'POST /api/v1/workspaces/{workspaceId}/invite-links': onWorkspace(201, 400, 403, 404),
  'POST /api/v1/invitations/preview': withToken(200, 400, 404),
  'POST /api/v1/invitations/accept': withToken(200, 400, 404, 409),
  'DELETE /api/v1/workspaces/{workspaceId}/invitations/{invitationId}': onWorkspace(
    204,
    400,
    403,
    404,
  ),
};

describeFuzz('schema-driven fuzzing of the invitation operations', {
  tags: ['invitations'],
  target: () => ctx,
  runs: 300,
  headers: () => ({ authorization: `Bearer ${owner.accessToken}` }),
  plan,
});
