import { beforeAll, vi } from 'vitest';
import { useFuzzApp } from '../../test/fuzz/app.ts';
import { describeFuzz, type PlannedOperation } from '../../test/fuzz/runner.ts';
import type { User } from '../../test/workspaces.ts';
import { addMember, createTask, createWorkspace, newUser } from '../../test/workspaces.ts';

vi.mock('@node-rs/argon2', async (actual) =>
  (await import('../../test/fuzz/passwords.ts')).cheapArgon2(actual),
);

/**
 * Every label operation of the served document, fuzzed from its own schemas with real ids mixed
 * in: no answer may be a server error, an undeclared status or a body off its schema.
 */
const ctx = useFuzzApp();
let owner: User;

const known = { workspace: '', shared: '', labels: [] as string[], theirs: '' };

beforeAll(async () => {
  owner = await newUser(ctx.app, ctx.database, 'owner@example.com');
  const other = await newUser(ctx.app, ctx.database, 'other@example.com');
  known.workspace = (await createWorkspace(owner, 'Labelled')).id;
  known.shared = (await createWorkspace(other, 'Theirs')).id;
  await addMember(other, known.shared, owner.email);
  await createTask(owner, known.workspace, { title: 'Labelled', labels: ['web', 'ops'] });
  const base = `/api/v1/workspaces/${known.workspace}/label-definitions`;
  for (const name of ['web', 'Bug', 'Docs', 'Release', 'Later']) {
    known.labels.push((await owner.send('POST', base, { name, colour: 'blue' })).json().id);
  }
  known.theirs = (
    await other.send('POST', `/api/v1/workspaces/${known.shared}/label-definitions`, {
      name: 'theirs',
    })
  ).json().id;
});

/** Mostly the owner's workspace and labels; sometimes one where the caller is only a member. */
const onLabels = (...reaches: number[]): PlannedOperation => ({
  examples: () => ({
    workspaceId: [known.workspace, known.workspace, known.workspace, known.shared],
    labelId: [...known.labels, known.theirs],
    name: ['Bug', 'web', 'New name'],
  }),
  reaches,
});

/** In run order: the operation that destroys comes last. */
const plan: Record<string, PlannedOperation> = {
  'GET /api/v1/workspaces/{workspaceId}/label-definitions': onLabels(200, 400, 404),
  'POST /api/v1/workspaces/{workspaceId}/label-definitions': onLabels(201, 400, 403, 409),
  'PATCH /api/v1/workspaces/{workspaceId}/label-definitions/{labelId}': onLabels(
    200,
    400,
    403,
    404,
    409,
  ),
  'DELETE /api/v1/workspaces/{workspaceId}/label-definitions/{labelId}': onLabels(204, 400, 404),
};

describeFuzz('schema-driven fuzzing of the label operations', {
  tags: ['labels'],
  target: () => ctx,
  runs: 300,
  headers: () => ({ authorization: `Bearer ${owner.accessToken}` }),
  plan,
});
