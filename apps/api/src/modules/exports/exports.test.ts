import type { TaskExport } from '@taskflow/contract';
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTeam, type User, useTestUsers } from '../../test/users.ts';
import { createTask } from '../../test/workspaces.ts';
import { createExportsRepository } from './exports.repository.ts';

const { ctx, ada, bob, eve } = useTestUsers(['ada', 'bob', 'eve'], { EXPORTS_PER_HOUR: '3' });
let team: string;
const exportsPath = () => `/api/v1/workspaces/${team}/exports`;

beforeAll(async () => {
  team = await createTeam(ada, 'Team', bob);
  await createTask(ada, team, { title: 'Plain', labels: ['a', 'b'], assigneeId: bob.userId });
  await createTask(ada, team, { title: '=HYPERLINK("http://evil")', description: 'two\nlines' });
  const gone = await createTask(ada, team, { title: 'Deleted' });
  await ada.send('DELETE', `/api/v1/workspaces/${team}/tasks/${gone.id}`);
});

async function whenReady(user: User, id: string): Promise<TaskExport> {
  for (let i = 0; i < 200; i++) {
    const found: TaskExport = (await user.get(`${exportsPath()}/${id}`)).json();
    if (found.status !== 'pending') return found;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('the export was not made');
}

describe('exports', () => {
  it('a member asks, a job makes the CSV, the member is told, any member downloads it', async () => {
    const asked = await bob.send('POST', exportsPath());
    expect(asked.statusCode).toBe(202);
    expect(asked.json()).toMatchObject({ status: 'pending', format: 'csv', downloadPath: null });
    const ready = await whenReady(bob, asked.json().id);
    expect(ready).toMatchObject({ status: 'ready', rowCount: 2 });
    expect(ready.downloadPath).toBe(`${exportsPath()}/${ready.id}/download`);

    const notice = (await bob.get('/api/v1/notifications')).json().items[0];
    expect(notice).toMatchObject({
      type: 'export.ready',
      title: 'Your export of 2 tasks is ready to download',
      link: ready.downloadPath,
    });
    const file = await ada.get(ready.downloadPath ?? '');
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(file.headers['content-disposition']).toMatch(
      /^attachment; filename="taskflow-tasks-\d{4}-\d\d-\d\d\.csv"$/,
    );
    // A UTF-8 byte order mark first, so that Excel on Windows reads the file as UTF-8.
    expect([...file.rawPayload.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = file.body.split('\r\n');
    expect(lines[0]).toBe(
      '\uFEFFid,title,description,status,priority,due_date,assignee_email,labels,created_at,updated_at,completed_at',
    );
    expect(file.body).toContain(',Plain,,todo,medium,,bob@example.com,a;b,');
    // A title that a spreadsheet would run is defused; a line break stays inside its quotes.
    expect(file.body).toContain(',"\'=HYPERLINK(""http://evil"")","two\nlines",');
    expect(file.body).not.toContain('Deleted');
    // Nothing of it reaches someone outside the workspace: 404, as for an export that never was.
    expect((await eve.get(ready.downloadPath ?? '')).statusCode).toBe(404);
    expect((await eve.get(`${exportsPath()}/${ready.id}`)).statusCode).toBe(404);
    expect((await eve.send('POST', exportsPath())).statusCode).toBe(404);
  });

  it('answers 409 while the export is being made and 410 once it has expired', async () => {
    const pending = await createExportsRepository(ctx.database.db).insert(team, ada.userId);
    const wait = await ada.get(`${exportsPath()}/${pending?.id}/download`);
    expect(wait.statusCode).toBe(409);
    expect(wait.json().code).toBe('EXPORT_NOT_READY');

    const asked = (await ada.send('POST', exportsPath())).json();
    await whenReady(ada, asked.id);
    await sql`update task_exports set expires_at = now() - interval '1 minute' where id = ${asked.id}`.execute(
      ctx.database.db,
    );
    const late = await ada.get(`${exportsPath()}/${asked.id}/download`);
    expect(late.statusCode).toBe(410);
    expect(late.json().code).toBe('EXPORT_EXPIRED');
    // The purge job then drops the file itself.
    const purge = ctx.jobs.queue.definitions().find((d) => d.type === 'maintenance.purge-exports');
    await purge?.handle(
      {},
      { jobId: crypto.randomUUID(), attempt: 1, requestId: null, logger: ctx.app.log as never },
    );
    const row = await sql<{ status: string; content: string | null }>`
      select status, content from task_exports where id = ${asked.id}`.execute(ctx.database.db);
    expect(row.rows[0]).toEqual({ status: 'expired', content: null });
  });

  it('limits how many exports one person asks for in an hour', async () => {
    for (let i = 0; i < 3; i++)
      await eve.send('POST', `/api/v1/workspaces/${eve.personalId}/exports`);
    const refused = await eve.send('POST', `/api/v1/workspaces/${eve.personalId}/exports`);
    expect(refused.statusCode).toBe(429);
    expect(refused.headers['retry-after']).toBe('3600');
  });

  it('making an export twice (a redelivered job) tells the member once', async () => {
    const asked = (await ada.send('POST', `/api/v1/workspaces/${ada.personalId}/exports`)).json();
    await whenReady(ada, asked.id);
    const job = ctx.jobs.queue.definitions().find((d) => d.type === 'tasks.export');
    // As the queue hands it over: the payload parsed, filters defaulted to none.
    await job?.handle(
      { exportId: asked.id, filters: {} },
      { jobId: crypto.randomUUID(), attempt: 1, requestId: null, logger: ctx.app.log as never },
    );
    const notices = await sql<{ n: number }>`select count(*)::int as n from notifications
      where user_id = ${ada.userId} and type = 'export.ready' and data->>'exportId' = ${asked.id}`.execute(
      ctx.database.db,
    );
    expect(notices.rows[0]?.n).toBe(1);
  });
});
