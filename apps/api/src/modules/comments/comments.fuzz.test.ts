import { beforeAll, vi } from 'vitest';
import { useFuzzApp } from '../../test/fuzz/app.ts';
import { describeFuzz, type PlannedOperation } from '../../test/fuzz/runner.ts';
import type { User } from '../../test/workspaces.ts';
import { addMember, createTask, createWorkspace, newUser } from '../../test/workspaces.ts';

vi.mock('@node-rs/argon2', async (actual) =>
  (await import('../../test/fuzz/passwords.ts')).cheapArgon2(actual),
);

/**
 * Every comment operation of the served document, fuzzed from its own schemas with real ids
 * mixed in: no answer may be a server error, an undeclared status or a body off its schema.
 */
const ctx = useFuzzApp({ COMMENT_RATE_LIMIT: '100000' });
let owner: User;
let teammate: User;

const known = { workspace: '', task: '', foreignTask: '', mine: [] as string[], theirs: '' };

beforeAll(async () => {
  owner = await newUser(ctx.app, ctx.database, 'owner@example.com');
  teammate = await newUser(ctx.app, ctx.database, 'teammate@example.com');
  const outsider = await newUser(ctx.app, ctx.database, 'outsider@example.com');
  known.workspace = (await createWorkspace(owner, 'Shared')).id;
  await addMember(owner, known.workspace, teammate.email);
  known.task = (await createTask(owner, known.workspace, { title: 'Discussed' })).id;
  known.foreignTask = (await createTask(outsider, outsider.personalId, { title: 'Not yours' })).id;
  const path = `/api/v1/workspaces/${known.workspace}/tasks/${known.task}/comments`;
  for (let i = 0; i < 4; i++) {
    known.mine.push((await owner.send('POST', path, { body: `Mine ${i}` })).json().id);
  }
  known.theirs = (await teammate.send('POST', path, { body: 'Theirs' })).json().id;
});

/** Mostly the shared task and its comments; sometimes another's task or a made-up id. */
const onComments = (...reaches: number[]): PlannedOperation => ({
  examples: () => ({
    workspaceId: [known.workspace],
    taskId: [known.task, known.task, known.task, known.foreignTask],
    commentId: [...known.mine, known.theirs],
    'if-match': ['"1"', '"2"', '"999"', '*'],
    body: ['Looks good @teammate', 'Fixed in **v2**'],
  }),
  reaches,
});

/** In run order: the operation that destroys comes last. */
const plan: Record<string, PlannedOperation> = {
  'GET /api/v1/workspaces/{workspaceId}/tasks/{taskId}/comments': onComments(200, 400, 404),
  'POST /api/v1/workspaces/{workspaceId}/tasks/{taskId}/comments': onComments(201, 400, 404),
  'PATCH /api/v1/workspaces/{workspaceId}/tasks/{taskId}/comments/{commentId}': onComments(
    200,
    400,
    403,
    404,
    412,
  ),
  'DELETE /api/v1/workspaces/{workspaceId}/tasks/{taskId}/comments/{commentId}': onComments(
    204,
    400,
    404,
  ),
};

describeFuzz('schema-driven fuzzing of the comment operations', {
  tags: ['comments'],
  target: () => ctx,
  // Many runs: an edit that succeeds needs four generated values to be real at once.
  runs: 1000,
  headers: () => ({ authorization: `Bearer ${owner.accessToken}` }),
  plan,
});
