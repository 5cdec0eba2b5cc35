import { createHash } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../app.ts';
import { signedIn } from '../test/accounts.ts';
import { runCli } from '../test/cli.ts';
import { newDataDir } from '../test/data-dir.ts';
import { png, upload } from '../test/files.ts';
import { withInstanceApp } from '../test/instance.ts';
import { createTeam } from '../test/users.ts';
import { type Client, createTask, listAll, newUser } from '../test/workspaces.ts';

/**
 * `taskflow workspace export` on one embedded instance, `taskflow workspace import` on another:
 * the imported workspace shows, through the API, the same tasks, trash, comments, history,
 * labels and file bytes, with people matched by email; a second import makes nothing.
 */
type Dir = Awaited<ReturnType<typeof newDataDir>>;
let a: Dir;
let b: Dir;
let archives: string;

beforeAll(async () => {
  [a, b] = await Promise.all([newDataDir('migrated'), newDataDir('migrated')]);
  archives = await mkdtemp(path.join(tmpdir(), 'taskflow-archives-'));
});
afterAll(async () => {
  await Promise.all([a?.remove(), b?.remove(), rm(archives, { recursive: true, force: true })]);
});

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const json = async (client: Client, url: string) => {
  const res = await client.get(url);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};

/** A workspace as a member reads it, people as emails (`emails`: user id → email, or none). */
async function viewOf(app: App, client: Client, workspaceId: string, emails: Map<string, string>) {
  const who = (id: string | null) => (id ? (emails.get(id) ?? `unknown ${id}`) : null);
  const base = `/api/v1/workspaces/${workspaceId}`;
  const task = async (t: Record<string, unknown>) => {
    const at = `${base}/tasks/${t.id}`;
    // A task in the trash shows its fields only.
    const live = !t.deletedAt;
    const none = { items: [] };
    const comments = live ? await json(client, `${at}/comments?limit=100`) : none;
    const history = live ? await json(client, `${at}/history?limit=100`) : none;
    const files = live ? await json(client, `${at}/attachments`) : none;
    return {
      ...[
        'title',
        'description',
        'status',
        'priority',
        'dueDate',
        'labels',
        'createdAt',
        'completedAt',
        'counts',
      ].reduce((o, k) => (k in t ? Object.assign(o, { [k]: t[k] }) : o), {}),
      assignee: who(t.assigneeId as string | null),
      createdBy: who(t.createdBy as string | null),
      comments: comments.items.map((c: Record<string, string>) => ({
        author: who(c.authorId ?? null),
        body: c.body,
        createdAt: c.createdAt,
        editedAt: c.editedAt,
      })),
      history: history.items.map((h: Record<string, string>) => [h.kind, who(h.actorId ?? null)]),
      files: await Promise.all(
        files.items.map(async (f: Record<string, string>) => {
          const download = await app.inject({ method: 'GET', url: f.downloadUrl ?? '' });
          expect(download.statusCode).toBe(200);
          return {
            name: f.name,
            type: f.contentType,
            size: f.size,
            sha256: sha256(download.rawPayload),
          };
        }),
      ),
    };
  };
  const live = await listAll(client, workspaceId);
  const trash = (await json(client, `${base}/trash`)).items;
  const members = (await json(client, `${base}/members`)).items;
  return {
    members: members.map((m: Record<string, string>) => [m.email, m.role]).sort(),
    labels: (await json(client, `${base}/label-definitions`)).items.map(
      (l: Record<string, string>) => [l.name, l.colour],
    ),
    tasks: await Promise.all(live.map((t) => task(t as unknown as Record<string, unknown>))),
    trash: await Promise.all(trash.map(task)),
  };
}

/** Instance A: a team workspace with every kind of row an archive carries. */
async function arrangeSource() {
  return withInstanceApp(a.dir, async ({ app, database }) => {
    const ada = await newUser(app, database, 'ada@example.com');
    const bob = await newUser(app, database, 'bob@example.com');
    const carol = await newUser(app, database, 'carol@example.com');
    const dave = await newUser(app, database, 'dave@example.com');
    const id = await createTeam(ada, 'Launch', bob, carol, dave);
    const base = `/api/v1/workspaces/${id}`;
    expect(
      (await ada.send('POST', `${base}/label-definitions`, { name: 'plan', colour: 'blue' }))
        .statusCode,
    ).toBe(201);
    const plan = await createTask(ada, id, {
      title: 'Write the plan',
      description: '## Goals\n\n- one\n- two',
      priority: 'high',
      dueDate: '2026-12-24',
      assigneeId: bob.userId,
      labels: ['plan', 'Q1'],
    });
    const ship = await createTask(ada, id, {
      title: 'Ship it',
      status: 'in_progress',
      priority: 'urgent',
      assigneeId: carol.userId,
      labels: ['ship'],
    });
    await createTask(ada, id, { title: 'Celebrate', status: 'done', assigneeId: ada.userId });
    const note = await createTask(ada, id, { title: 'Unassigned note', description: 'plain' });
    const old = await createTask(ada, id, { title: 'Old idea' });
    expect((await ada.send('DELETE', `${base}/tasks/${old.id}`)).statusCode).toBe(204);
    expect(
      (await ada.send('PATCH', `${base}/tasks/${note.id}`, { assigneeId: dave.userId })).statusCode,
    ).toBe(200);
    const comment = (client: Client, taskId: string, body: string) =>
      client.send('POST', `${base}/tasks/${taskId}/comments`, { body });
    expect((await comment(bob, plan.id, 'Looks good @ada')).statusCode).toBe(201);
    expect((await comment(dave, plan.id, 'I can help')).statusCode).toBe(201);
    const gone = (await comment(ada, ship.id, 'Remove me')).json();
    expect(
      (await ada.send('DELETE', `${base}/tasks/${ship.id}/comments/${gone.id}`)).statusCode,
    ).toBe(204);
    const image = await png(64, 48);
    expect(
      (await upload(app, ada, { workspaceId: id, taskId: plan.id }, 'diagram.png', image))
        .statusCode,
    ).toBe(201);
    const text = Buffer.from('ship checklist\n- tag\n- announce\n');
    expect(
      (await upload(app, bob, { workspaceId: id, taskId: ship.id }, 'notes.txt', text)).statusCode,
    ).toBe(201);
    // Dave leaves: his comment stays, his task is unassigned; he is a former member.
    expect((await ada.send('DELETE', `${base}/members/${dave.userId}`)).statusCode).toBe(204);
    const emails = new Map([ada, bob, carol, dave].map((u) => [u.userId, u.email]));
    return { id, view: await viewOf(app, ada, id, emails) };
  });
}

describe('taskflow workspace export / import', () => {
  it('moves a workspace between two embedded instances; importing it again makes nothing', async () => {
    const source = await arrangeSource();
    // What the comparison below covers is there to compare.
    expect(source.view.tasks).toHaveLength(4);
    expect(source.view.trash).toHaveLength(1);
    expect(source.view.tasks.flatMap((t) => t.comments)).toHaveLength(2);
    expect(source.view.tasks.flatMap((t) => t.files)).toHaveLength(2);
    expect(source.view.tasks.flatMap((t) => t.history).length).toBeGreaterThan(8);

    const file = path.join(archives, 'launch.tar.gz');
    const exported = await runCli(
      ['workspace', 'export', source.id, '--out', file, '--json'],
      a.env,
    );
    expect(exported.code, exported.stderr).toBe(0);
    expect(JSON.parse(exported.stdout)).toMatchObject({
      file,
      workspace: { id: source.id, name: 'Launch' },
      counts: {
        members: 3,
        people: 4,
        labels: 1,
        tasks: 5,
        trashed: 1,
        comments: 3,
        attachments: 2,
      },
    });

    // Instance B knows Ada and Bob, not Carol nor Dave.
    await withInstanceApp(b.dir, async ({ app, database }) => {
      await newUser(app, database, 'ada@example.com');
      await newUser(app, database, 'bob@example.com');
    });
    const run = () =>
      runCli(['workspace', 'import', file, '--owner', 'ada@example.com', '--json'], b.env);
    const imported = await run();
    expect(imported.code, imported.stderr).toBe(0);
    const result = JSON.parse(imported.stdout);
    expect(result).toMatchObject({
      status: 'imported',
      source: { workspaceId: source.id, name: 'Launch' },
      owner: 'ada@example.com',
      members: {
        added: [
          { email: 'ada@example.com', role: 'owner' },
          { email: 'bob@example.com', role: 'member' },
        ],
        unmatched: ['carol@example.com'],
        skipped: [],
      },
      unmatchedPeople: ['dave@example.com'],
      unassigned: 1,
      counts: { labels: 1, tasks: 5, trashed: 1, comments: 3, attachments: 2 },
    });
    expect(result.workspace.id).not.toBe(source.id);

    const again = await run();
    expect(again.code, again.stderr).toBe(0);
    expect(JSON.parse(again.stdout)).toMatchObject({
      status: 'already-imported',
      workspace: { id: result.workspace.id, name: 'Launch' },
    });
    const text = await runCli(['workspace', 'import', file, '--owner', 'Ada@Example.com'], b.env);
    expect(text.stdout).toMatch(
      /was already imported on .* as workspace "Launch" .*: nothing changed/,
    );

    // A later archive of the same workspace would duplicate it: refused, naming the import.
    const later = path.join(archives, 'launch-later.tar.gz');
    expect((await runCli(['workspace', 'export', source.id, '--out', later], a.env)).code).toBe(0);
    const refused = await runCli(
      ['workspace', 'import', later, '--owner', 'ada@example.com'],
      b.env,
    );
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(
      `was already imported here from another archive (exported ${result.exportedAt}) as workspace "Launch" (${result.workspace.id}); delete that workspace first`,
    );

    await withInstanceApp(
      b.dir,
      async ({ app, database }) => {
        const ada = await signedIn(app, 'ada@example.com');
        const bob = await signedIn(app, 'bob@example.com');
        const emails = new Map([
          [ada.userId, 'ada@example.com'],
          [bob.userId, 'bob@example.com'],
        ]);
        const view = await viewOf(app, ada, result.workspace.id, emails);
        // What had no account here shows as no one; the rest is as it was.
        const expected = JSON.parse(
          JSON.stringify(source.view).replaceAll(/"(carol|dave)@example\.com"/g, 'null'),
        );
        expected.members = [
          ['ada@example.com', 'owner'],
          ['bob@example.com', 'member'],
        ];
        expect(view).toEqual(expected);

        const launches = await database.db
          .selectFrom('workspaces')
          .select('id')
          .where('name', '=', 'Launch')
          .execute();
        expect(launches).toEqual([{ id: result.workspace.id }]);
        // The image gets its thumbnail from the job the import enqueued.
        await expect
          .poll(
            async () => {
              const tasks = await listAll(ada, result.workspace.id);
              const id = tasks.find((t) => t.title === 'Write the plan')?.id;
              const files = await json(
                ada,
                `/api/v1/workspaces/${result.workspace.id}/tasks/${id}/attachments`,
              );
              return files.items[0]?.thumbnailUrl ?? null;
            },
            { timeout: 30_000, interval: 500 },
          )
          .not.toBeNull();
      },
      { JOB_POLL_SECONDS: '1' },
    );
  }, 240_000);
});
