import { beforeAll, vi } from 'vitest';
import { upload } from '../../test/files.ts';
import { useFuzzApp } from '../../test/fuzz/app.ts';
import { describeFuzz, type PlannedOperation } from '../../test/fuzz/runner.ts';
import type { User } from '../../test/workspaces.ts';
import { addMember, createTask, createWorkspace, newUser } from '../../test/workspaces.ts';

vi.mock('@node-rs/argon2', async (actual) =>
  (await import('../../test/fuzz/passwords.ts')).cheapArgon2(actual),
);

/**
 * Every attachment operation and file link of the served document, fuzzed from its own schemas
 * with real ids mixed in (multipart bodies included): no answer may be a server error, an
 * undeclared status or a body off its schema.
 */
const ctx = useFuzzApp({ ATTACHMENT_UPLOAD_RATE_LIMIT: '100000' });
let owner: User;

const known = {
  workspace: '',
  task: '',
  foreignTask: '',
  files: [] as string[],
  tokens: [] as string[],
};

beforeAll(async () => {
  owner = await newUser(ctx.app, ctx.database, 'owner@example.com');
  const teammate = await newUser(ctx.app, ctx.database, 'teammate@example.com');
  const outsider = await newUser(ctx.app, ctx.database, 'outsider@example.com');
  known.workspace = (await createWorkspace(owner, 'Shared')).id;
  await addMember(owner, known.workspace, teammate.email);
  known.task = (await createTask(owner, known.workspace, { title: 'Filed' })).id;
  known.foreignTask = (await createTask(outsider, outsider.personalId, { title: 'Not yours' })).id;
  const where = { workspaceId: known.workspace, taskId: known.task };
  for (const [who, i] of [
    [owner, 1],
    [owner, 2],
    [teammate, 3],
  ] as const) {
    const file = (
      await upload(ctx.app, who, where, `file-${i}.txt`, Buffer.from(`File ${i}\n`))
    ).json();
    known.files.push(file.id);
    known.tokens.push(file.downloadUrl.split('/').pop());
  }
});

/** Mostly the shared task and its files; sometimes another's task or a made-up id. */
const onFiles = (...reaches: number[]): PlannedOperation => ({
  examples: () => ({
    workspaceId: [known.workspace],
    taskId: [known.task, known.task, known.task, known.foreignTask],
    attachmentId: known.files,
  }),
  reaches,
});

/** Links: real tokens, tampered ones, made-up ones. */
const onLinks = (...reaches: number[]): PlannedOperation => ({
  examples: () => ({
    link: [...known.tokens, ...known.tokens.map((t) => `${t.slice(0, -3)}abc`)],
  }),
  headers: () => ({}),
  reaches,
});

/** In run order: the operation that destroys comes last. */
const plan: Record<string, PlannedOperation> = {
  'GET /api/v1/workspaces/{workspaceId}/tasks/{taskId}/attachments': onFiles(200, 400, 404),
  'POST /api/v1/workspaces/{workspaceId}/tasks/{taskId}/attachments': onFiles(201, 400, 404, 415),
  'POST /api/v1/workspaces/{workspaceId}/tasks/{taskId}/attachments/uploads': onFiles(
    400,
    404,
    409,
  ),
  'POST /api/v1/workspaces/{workspaceId}/tasks/{taskId}/attachments/{attachmentId}/complete':
    onFiles(200, 400, 404),
  'GET /api/v1/files/{link}': onLinks(200, 400, 404),
  'GET /api/v1/files/inline/{link}': onLinks(400, 404),
  'DELETE /api/v1/workspaces/{workspaceId}/tasks/{taskId}/attachments/{attachmentId}': onFiles(
    204,
    400,
    404,
  ),
};

describeFuzz('schema-driven fuzzing of the attachment operations and file links', {
  tags: ['attachments', 'files'],
  target: () => ctx,
  // Many runs: an upload that succeeds needs two real ids, a good form and a good file at once.
  runs: 1000,
  headers: () => ({ authorization: `Bearer ${owner.accessToken}` }),
  plan,
});
