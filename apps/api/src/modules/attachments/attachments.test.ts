import { readdir } from 'node:fs/promises';
import path from 'node:path';
import type { Attachment, AttachmentList } from '@taskflow/contract';
import { sql } from 'kysely';
import sharp from 'sharp';
import { describe, expect, it, vi } from 'vitest';
import type { JobDefinition } from '../../platform/queue/job-queue.ts';
import { bodyOf } from '../../test/api-client.ts';
import { attachmentsPath, EXECUTABLE, multipartBody, png, upload } from '../../test/files.ts';
import { createTeam, useTestUsers } from '../../test/users.ts';
import { type Client, createTask } from '../../test/workspaces.ts';

// Small limits, so that the refusals need no large files.
const MAX = 60_000;
const QUOTA = 130_000;
const { ctx, ada, bob, cy } = useTestUsers(['ada', 'bob', 'cy'], {
  ATTACHMENT_MAX_BYTES: String(MAX),
  ATTACHMENT_QUOTA_BYTES: String(QUOTA),
});

async function teamTask(title = 'Ship the release') {
  const workspaceId = await createTeam(ada, `Team ${title}`, bob);
  const task = await createTask(ada, workspaceId, { title });
  return { workspaceId, taskId: task.id };
}
type Where = Awaited<ReturnType<typeof teamTask>>;

const attach = async (client: Client, where: Where, name: string, bytes: Buffer) => {
  const res = await upload(ctx.app, client, where, name, bytes);
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as Attachment;
};

const list = async (client: Client, where: Where) => {
  const res = await client.get(attachmentsPath(where));
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as AttachmentList;
};

const problemOf = (res: {
  statusCode: number;
  headers: Record<string, unknown>;
  json(): unknown;
}) => {
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  return { status: res.statusCode, ...(res.json() as { code: string }) };
};

/** A link's path, as the app serves it (the local store answers on the app's own origin). */
const fetchLink = (url: string) => ctx.app.inject({ method: 'GET', url });

const definition = (type: string) => {
  const def = ctx.jobs.queue.definitions().find((d) => d.type === type);
  if (!def) throw new Error(`no job type ${type}`);
  return def as JobDefinition<unknown>;
};
const runJob = (type: string, payload: unknown = {}) =>
  definition(type).handle(payload, {
    jobId: '00000000-0000-4000-8000-000000000001',
    attempt: 1,
    requestId: null,
    logger: ctx.app.log as never,
  });

/** Every file under the store's directory (spooled uploads excluded). */
async function storedFiles(): Promise<string[]> {
  const entries = await readdir(ctx.config.files.dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && !e.parentPath.includes('.incoming'))
    .map((e) => path.relative(ctx.config.files.dir, path.join(e.parentPath, e.name)));
}

const text = (bytes: number) => Buffer.from('a'.repeat(bytes - 1).concat('\n'));

describe('attachments', () => {
  it('stores an image under a random name, lists it with links, serves it as an attachment and inline, and makes its thumbnail', async () => {
    const where = await teamTask();
    const image = await png(640, 480);
    const added = await attach(ada, where, 'Screen shot (1).png', image);
    expect(added).toMatchObject({
      name: 'Screen shot (1).png',
      contentType: 'image/png',
      size: image.length,
      uploaderId: ada.userId,
      thumbnailUrl: null,
    });
    // Stored under the workspace, by a random key: the name never reaches the disk.
    expect((await storedFiles()).some((f) => f.includes('Screen'))).toBe(false);

    const { items, usage, upload: limits } = await list(bob, where);
    expect(items.map((a) => a.id)).toEqual([added.id]);
    expect(usage).toEqual({ usedBytes: image.length, quotaBytes: QUOTA });
    expect(limits).toEqual({ maxBytes: MAX, direct: false });

    const download = await fetchLink(added.downloadUrl);
    expect(download.statusCode).toBe(200);
    expect(download.rawPayload.equals(image)).toBe(true);
    expect(download.headers).toMatchObject({
      'content-type': 'image/png',
      'content-disposition': expect.stringMatching(/^attachment; filename="Screen shot \(1\).png"/),
      'x-content-type-options': 'nosniff',
      'content-security-policy': expect.stringMatching(/^sandbox/),
    });
    const preview = await fetchLink(added.previewUrl ?? '');
    expect(preview.statusCode).toBe(200);
    expect(preview.headers['content-disposition']).toMatch(/^inline/);
    // A link is for the path it was made for: a download link shows nothing inline.
    const token = added.downloadUrl.split('/').pop();
    expect((await fetchLink(`/api/v1/files/inline/${token}`)).statusCode).toBe(404);
    // A tampered link is nobody's.
    expect(problemOf(await fetchLink(`${added.downloadUrl.slice(0, -2)}xx`)).code).toBe(
      'NOT_FOUND',
    );

    // The thumbnail job runs in the background (in this process): it is there once it has.
    let thumbnailUrl: string | null = null;
    for (let tries = 0; !thumbnailUrl && tries < 400; tries++) {
      thumbnailUrl = (await list(bob, where)).items[0]?.thumbnailUrl ?? null;
      if (!thumbnailUrl) await new Promise((resolve) => setTimeout(resolve, 25));
    }
    const thumbnail = await fetchLink(thumbnailUrl ?? '');
    expect(thumbnail.statusCode).toBe(200);
    expect(thumbnail.headers['content-type']).toBe('image/webp');
    const meta = await sharp(thumbnail.rawPayload).metadata();
    expect(meta).toMatchObject({ format: 'webp', width: 320, height: 240 });

    const history = bodyOf(
      await bob.api.get('/api/v1/workspaces/{workspaceId}/tasks/{taskId}/history', { path: where }),
      200,
    ).items;
    expect(history[0]).toMatchObject({
      kind: 'attachment.added',
      actorId: ada.userId,
      attachment: { id: added.id, name: 'Screen shot (1).png' },
    });
    const events = await ctx.database.db
      .selectFrom('events')
      .select(['type', 'payload'])
      .where('workspace_id', '=', where.workspaceId)
      .where('type', 'like', 'attachment.%')
      .orderBy('id')
      .execute();
    expect(events.map((e) => e.type)).toEqual(['attachment.created', 'attachment.updated']);
  });

  it('reads the type from the content: a text file, a PDF; an executable named .png is refused', async () => {
    const where = await teamTask('Types');
    expect(
      (await attach(ada, where, 'notes.txt', Buffer.from('Remember: ünïcode ✓\n'))).contentType,
    ).toBe('text/plain');
    const pdf = Buffer.from(
      '%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
    );
    expect((await attach(ada, where, 'spec.pdf', pdf)).contentType).toBe('application/pdf');

    const exe = problemOf(await upload(ctx.app, ada, where, 'cat.png', EXECUTABLE));
    expect(exe).toMatchObject({ status: 415, code: 'FILE_TYPE_NOT_ALLOWED' });
    const html = problemOf(
      await upload(
        ctx.app,
        ada,
        where,
        'page.png',
        Buffer.from('<html><script>alert(1)</script>\u0000'),
      ),
    );
    expect(html).toMatchObject({ status: 415, code: 'FILE_TYPE_NOT_ALLOWED' });
    // An SVG can hold script: it is never an image here, only text served as a download.
    const svg = Buffer.from(
      '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
    );
    expect((await attach(ada, where, 'logo.svg', svg)).contentType).toBe('text/plain');
  });

  it('refuses a file over the limit, a path for a name, an empty or truncated upload, and a body that is not multipart', async () => {
    const where = await teamTask('Refusals');
    expect(problemOf(await upload(ctx.app, ada, where, 'big.txt', text(MAX + 1)))).toMatchObject({
      status: 413,
      code: 'FILE_TOO_LARGE',
    });
    expect((await attach(ada, where, 'exact.txt', text(MAX))).size).toBe(MAX);

    for (const name of ['../../etc/passwd', '..\\..\\boot.ini', 'a/b.png', '..']) {
      const res = problemOf(await upload(ctx.app, ada, where, name, await png()));
      expect(res, name).toMatchObject({ status: 400, code: 'VALIDATION_FAILED' });
    }
    expect(
      problemOf(await upload(ctx.app, ada, where, 'empty.txt', Buffer.alloc(0))),
    ).toMatchObject({
      status: 400,
      code: 'VALIDATION_FAILED',
    });

    // The form ends before its closing boundary: the client stopped sending mid-file.
    const whole = multipartBody('cut.png', await png());
    const truncated = await ctx.app.inject({
      method: 'POST',
      url: attachmentsPath(where),
      payload: whole.payload.subarray(0, whole.payload.length - 200),
      headers: { ...whole.headers, authorization: `Bearer ${ada.accessToken}` },
    });
    expect(problemOf(truncated)).toMatchObject({ status: 400, code: 'UPLOAD_INCOMPLETE' });

    const json = await ada.send('POST', attachmentsPath(where), { file: 'x' });
    expect(problemOf(json)).toMatchObject({ status: 415, code: 'UNSUPPORTED_MEDIA_TYPE' });
    // Direct uploads need S3 storage.
    const direct = await ada.send('POST', `${attachmentsPath(where)}/uploads`, {
      name: 'a.png',
      size: 10,
      contentType: 'image/png',
    });
    expect(problemOf(direct)).toMatchObject({ status: 409, code: 'CONFLICT' });

    // Nothing refused was kept, on disk or in the list.
    expect((await list(ada, where)).items.map((a) => a.name)).toEqual(['exact.txt']);
    expect(await readdir(path.join(ctx.config.files.dir, '.incoming'))).toEqual([]);
  });

  it('holds each workspace to its quota', async () => {
    const where = await teamTask('Quota');
    await attach(ada, where, 'one.txt', text(MAX));
    await attach(bob, where, 'two.txt', text(MAX));
    const third = problemOf(await upload(ctx.app, ada, where, 'three.txt', text(MAX)));
    expect(third).toMatchObject({ status: 409, code: 'STORAGE_QUOTA_EXCEEDED' });
    // Another workspace has its own room.
    const other = await teamTask('Quota elsewhere');
    await attach(ada, other, 'three.txt', text(MAX));
  });

  it('is for members only, and 404 across workspaces', async () => {
    const where = await teamTask('Private');
    const file = await attach(ada, where, 'plan.txt', text(100));
    expect(problemOf(await cy.get(attachmentsPath(where)))).toMatchObject({ status: 404 });
    expect(problemOf(await upload(ctx.app, cy, where, 'x.txt', text(10)))).toMatchObject({
      status: 404,
    });
    const cysTask = await createTask(cy, cy.personalId, { title: 'Mine' });
    const crossed = { workspaceId: cy.personalId, taskId: cysTask.id };
    const res = await cy.send('DELETE', `${attachmentsPath(crossed)}/${file.id}`);
    expect(problemOf(res)).toMatchObject({ status: 404 });
    const wrongTask = await createTask(ada, where.workspaceId, { title: 'Other task' });
    const onOther = await ada.send(
      'DELETE',
      `${attachmentsPath({ ...where, taskId: wrongTask.id })}/${file.id}`,
    );
    expect(problemOf(onOther)).toMatchObject({ status: 404 });
  });

  it('is removed by its uploader or an owner; the stored bytes go with the purge job', async () => {
    const where = await teamTask('Removal');
    const adas = await attach(ada, where, 'ada.png', await png());
    const bobs = await attach(bob, where, 'bob.txt', text(100));
    const before = await storedFiles();

    const refused = await bob.send('DELETE', `${attachmentsPath(where)}/${adas.id}`);
    expect(problemOf(refused)).toMatchObject({ status: 403, code: 'FORBIDDEN' });
    expect((await bob.send('DELETE', `${attachmentsPath(where)}/${bobs.id}`)).statusCode).toBe(204);
    expect((await ada.send('DELETE', `${attachmentsPath(where)}/${adas.id}`)).statusCode).toBe(204);
    expect((await list(ada, where)).items).toEqual([]);
    // A link handed out before stops working with the file.
    expect((await fetchLink(adas.downloadUrl)).statusCode).toBe(404);

    const history = bodyOf(
      await ada.api.get('/api/v1/workspaces/{workspaceId}/tasks/{taskId}/history', { path: where }),
      200,
    ).items;
    expect(
      history.filter((h) => h.kind === 'attachment.removed').map((h) => h.attachment?.name),
    ).toEqual(['ada.png', 'bob.txt']);

    await runJob('attachments.purge-files');
    const after = await storedFiles();
    const gone = before.filter((f) => !after.includes(f));
    expect(gone.some((f) => f.endsWith(adas.id))).toBe(false); // keys are random, not ids
    expect(gone.length).toBeGreaterThanOrEqual(2);
    const { rows } = await sql<{
      n: number;
    }>`select count(*)::int as n from storage_deletions`.execute(ctx.database.db);
    expect(rows[0]?.n).toBe(0);
  });

  it('goes with its task: hidden while the task is deleted, purged with it after the restore window', async () => {
    const where = await teamTask('Doomed');
    const file = await attach(ada, where, 'doomed.txt', text(100));
    const stored = await storedFiles();
    expect(
      (await ada.send('DELETE', `/api/v1/workspaces/${where.workspaceId}/tasks/${where.taskId}`))
        .statusCode,
    ).toBe(204);
    expect(problemOf(await ada.get(attachmentsPath(where)))).toMatchObject({ status: 404 });
    expect((await fetchLink(file.downloadUrl)).statusCode).toBe(404);

    await sql`update tasks set deleted_at = now() - interval '31 days' where id = ${where.taskId}`.execute(
      ctx.database.db,
    );
    await runJob('maintenance.purge-tasks');
    await runJob('attachments.purge-files');
    const left = await storedFiles();
    expect(stored.filter((f) => !left.includes(f))).toHaveLength(1);
    const rows = await ctx.database.db
      .selectFrom('task_attachments')
      .select('id')
      .where('id', '=', file.id)
      .execute();
    expect(rows).toEqual([]);
  });

  it('answers an expired link with 410', async () => {
    const where = await teamTask('Expiry');
    await attach(ada, where, 'old.txt', text(100));
    // Links made an hour ago have expired now.
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() - 3_600_000 });
    let old: AttachmentList;
    try {
      old = await list(ada, where);
    } finally {
      vi.useRealTimers();
    }
    const res = await fetchLink(old.items[0]?.downloadUrl ?? '');
    expect(problemOf(res)).toMatchObject({ status: 410, code: 'LINK_EXPIRED' });
  });
});
