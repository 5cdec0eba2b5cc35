import { createHash, randomUUID } from 'node:crypto';
import type { Attachment, AttachmentList, TaskExport } from '@taskflow/contract';
import { sql } from 'kysely';
import { expect } from 'vitest';
import type { Config } from '../config.ts';
import { openEmbeddedDatabase } from '../platform/db/database.ts';
import { signedIn } from './accounts.ts';
import { buildTestApp } from './app.ts';
import { runCli } from './cli.ts';
import { attachmentsPath, png, upload } from './files.ts';
import { startIdleJobs } from './idle-jobs.ts';
import { insertTask } from './sql-data.ts';
import { listAll, tasksPath } from './workspaces.ts';

/** Polls `read` until `done` holds (a job running in the process), for up to 20 s. */
async function eventually<T>(read: () => Promise<T>, done: (value: T) => boolean): Promise<T> {
  for (let tries = 0; ; tries++) {
    const value = await read();
    if (done(value) || tries === 400) return value;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const hash = (text: string) => createHash('sha256').update(text).digest('hex');
const inAnHour = () => new Date(Date.now() + 3_600_000);
/** Jobs of a type no schedule enqueues, so that those made here are the only ones waiting. */
const TYPE = 'tasks.export';
const envelope = (note: string) => ({ payload: { note }, requestId: 'req-every-row' });

type Database = Parameters<typeof insertTask>[0];
type App = Awaited<ReturnType<typeof buildTestApp>>['app'];

/**
 * What the API writes, as the seeded users: sign-ins, an assigned task posted with an
 * idempotency key, a comment, a label, an invitation, an access token, an image with its
 * thumbnail and a deleted file, an export; the jobs it enqueues run to completion.
 */
async function throughTheApi(app: App, db: Database, password: string, workspaceId: string) {
  const demo = await signedIn(app, 'demo@taskflow.local', password);
  const sam = await signedIn(app, 'sam@taskflow.local', password);
  const workspace = `/api/v1/workspaces/${workspaceId}`;
  const posted = await demo.send(
    'POST',
    tasksPath(workspaceId),
    { title: 'Moved with its history', assigneeId: sam.userId, labels: ['moved'] },
    { 'idempotency-key': randomUUID() },
  );
  expect(posted.statusCode, posted.body).toBe(201);
  const task = { workspaceId, taskId: posted.json().id as string };
  for (const [client, url, body] of [
    [sam, `${tasksPath(workspaceId)}/${task.taskId}/comments`, { body: 'On it' }],
    [demo, `${workspace}/label-definitions`, { name: 'moved', colour: 'blue' }],
    [demo, `${workspace}/invitations`, { email: 'new@example.com' }],
    [demo, '/api/v1/me/access-tokens', { name: 'script', scope: 'read', expiresInDays: 30 }],
  ] as const) {
    const res = await client.send('POST', url, body);
    expect(res.statusCode, res.body).toBe(201);
  }

  const image = await png();
  const added: Attachment = (await upload(app, demo, task, 'picture.png', image)).json();
  const gone: Attachment = (await upload(app, demo, task, 'gone.png', image)).json();
  await demo.send('DELETE', `${attachmentsPath(task)}/${gone.id}`);
  await eventually(
    async () => ((await demo.get(attachmentsPath(task))).json() as AttachmentList).items,
    (items) => items.every((a) => a.thumbnailUrl !== null),
  );
  const asked: TaskExport = (await demo.send('POST', `${workspace}/exports`)).json();
  await eventually(
    async () => (await demo.get(`${workspace}/exports/${asked.id}`)).json() as TaskExport,
    (e) => e.status === 'ready',
  );
  const owner = { userId: demo.userId, workspaceId };
  const dueId = await insertTask(db, owner, { title: 'Due', position: 'zz' });
  const tasks = (await listAll(demo, workspaceId)).map((t) => t.id);
  return { userId: demo.userId, dueId, tasks, attachment: { ...task, added, image } };
}

/** Jobs waiting, retrying, running, failed and dead-lettered, with no worker to run them. */
async function jobsInEveryState(database: Parameters<typeof startIdleJobs>[0], config: Config) {
  const jobs = await startIdleJobs(database, config);
  const boss = jobs.queue.boss;
  const fetched = async (id: string | null) => {
    const [job] = await boss.fetch(TYPE);
    expect(job?.id).toBe(id);
    return id as string;
  };
  try {
    await boss.send(TYPE, envelope('waits'), { startAfter: inAnHour() });
    const once = { retryLimit: 0 };
    const failed = await fetched(await boss.send(TYPE, envelope('fails'), once));
    await boss.fail(TYPE, failed, { message: 'out of disk' });
    const later = { retryLimit: 2, retryDelay: 3_600 };
    const retried = await fetched(await boss.send(TYPE, envelope('retries'), later));
    await boss.fail(TYPE, retried, { message: 'try later' });
    await fetched(await boss.send(TYPE, envelope('runs')));
  } finally {
    await jobs.queue.stop(1_000);
  }
}

/**
 * Fills the embedded data directory `dir` (attachments' files in `filesDir`) with every kind of
 * row: `taskflow seed`, what the API writes, the rows of rarer paths (two-factor, passkeys,
 * single sign-on, an event committed but not yet numbered…) inserted directly, and jobs in each
 * state that moves beside the completed ones. Returns what a test then finds in the cluster.
 */
export async function fillDataDir(dir: string, filesDir: string) {
  const seeded = await runCli(['seed', '--users', '3', '--tasks', '30'], { DATA_DIR: dir });
  expect(seeded.code, seeded.stderr).toBe(0);
  const password = /with the password (\S+) as:/.exec(seeded.stdout)?.[1] ?? '';
  const workspaceId = /workspace "Demo team" \(([0-9a-f-]{36})\)/.exec(seeded.stdout)?.[1] ?? '';

  const database = await openEmbeddedDatabase(dir);
  try {
    const { app, config } = await buildTestApp(database, { FILES_DIR: filesDir });
    const made = await throughTheApi(app, database.db, password, workspaceId).finally(() =>
      app.close(),
    );
    await insertRareRows(database.db, { ...made, workspaceId, taskId: made.dueId });
    await jobsInEveryState(database, config);
    const { rows } = await sql<{ last_id: string }>`
      select last_id from event_sequence`.execute(database.db);
    return { password, workspaceId, ...made, lastEventId: rows[0]?.last_id ?? '' };
  } finally {
    await database.close();
  }
}

/**
 * Rows of paths not walked through here, inserted as those paths write them; the second factors
 * (which would change how the others sign in) go to alex.
 */
async function insertRareRows(
  db: Database,
  { userId, workspaceId, taskId }: { userId: string; workspaceId: string; taskId: string },
) {
  const later = inAnHour();
  const alex = await db
    .selectFrom('users')
    .select('id')
    .where('email', '=', 'alex@taskflow.local')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('due_reminders')
    .values({ task_id: taskId, due_date: '2026-12-06' })
    .execute();
  await db
    .insertInto('user_two_factor')
    .values({ user_id: alex.id, secret: 'sealed', confirmed_at: new Date() })
    .execute();
  await db
    .insertInto('two_factor_recovery_codes')
    .values({ user_id: alex.id, code_hash: hash('code') })
    .execute();
  await db
    .insertInto('two_factor_challenges')
    .values({ token_hash: hash('challenge'), user_id: alex.id, expires_at: later })
    .execute();
  await db
    .insertInto('passkeys')
    .values({
      user_id: alex.id,
      credential_id: 'Y3JlZGVudGlhbA',
      public_key: new Uint8Array([0xa5, 0x01, 0x02, 0x00, 0xff]),
      counter: 7,
      transports: ['internal', 'hybrid'],
      device_type: 'multiDevice',
      backed_up: true,
      name: 'Laptop',
    })
    .execute();
  await db
    .insertInto('webauthn_challenges')
    .values({
      challenge_hash: hash('webauthn'),
      purpose: 'sign_in',
      user_id: null,
      expires_at: later,
    })
    .execute();
  await db
    .insertInto('sso_identities')
    .values({ user_id: alex.id, provider: 'acme', subject: 'sub-1', email: 'alex@taskflow.local' })
    .execute();
  await db
    .insertInto('sso_attempts')
    .values({
      token_hash: hash('sso'),
      kind: 'sign_in',
      provider: 'acme',
      detail: JSON.stringify({ verifier: 'v', nonce: 'n' }),
      expires_at: later,
    })
    .execute();
  await db
    .insertInto('setup_links')
    .values({ token_hash: hash('setup'), expires_at: later })
    .execute();
  await db
    .insertInto('one_time_tokens')
    .values({
      token_hash: hash('reset'),
      user_id: userId,
      purpose: 'reset_password',
      expires_at: later,
    })
    .execute();
  await db
    .insertInto('app_settings')
    .values({ key: 'moved.setting', value: 'null', updated_by: userId })
    .execute();
  await db
    .insertInto('job_effects')
    .values({ key: `every-row:${randomUUID()}`, job_type: 'mail.send' })
    .execute();
  await db
    .insertInto('workspace_imports')
    .values({
      archive_id: randomUUID(),
      source_workspace_id: randomUUID(),
      workspace_id: workspaceId,
      exported_at: new Date(),
    })
    .execute();
  // Committed but not yet numbered (a process that died before its stamp): the cluster numbers it.
  await db
    .insertInto('event_outbox')
    .values({
      type: 'task.updated',
      workspace_id: workspaceId,
      user_id: null,
      actor_id: userId,
      payload: JSON.stringify({ id: taskId, late: true }),
    })
    .execute();
}
