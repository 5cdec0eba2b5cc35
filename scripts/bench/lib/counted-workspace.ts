/**
 * The workspace of list-20 with counts: a copy of the seeded workspace (same members, same tasks)
 * whose every task has comments and files, written straight into the database (there is no
 * seed command for them). Run in a child process, as the app would be, so that the bench process
 * never holds a PGlite of its own:
 *   node scripts/bench/lib/counted-workspace.ts embedded|postgres <dataDir|url> <workspaceId>
 * prints the new workspace's id.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import type { Target } from './app.ts';

/** Per task: comments, the last of them deleted; files, the last of them still pending. */
export const COMMENTS_PER_TASK = 5;
export const ATTACHMENTS_PER_TASK = 3;

type Run = (text: string, values: unknown[]) => Promise<{ id: string }[]>;

/** Copies the workspace and fills its tasks, in one transaction; the copy's id. */
async function copyWithConversations(run: Run, workspaceId: string): Promise<string> {
  const [copy] = await run(
    `insert into workspaces (name, created_by)
     select 'Bench counts', created_by from workspaces where id = $1 returning id`,
    [workspaceId],
  );
  if (!copy) throw new Error(`no workspace ${workspaceId} to copy`);
  await run(
    `insert into workspace_members (workspace_id, user_id, role)
     select $1, user_id, role from workspace_members where workspace_id = $2`,
    [copy.id, workspaceId],
  );
  await run(
    `insert into tasks (workspace_id, title, description, status, priority, due_date, assignee_id,
       labels, position, created_by, created_at, updated_at, completed_at)
     select $1, title, description, status, priority, due_date, assignee_id, labels, position,
       created_by, created_at, updated_at, completed_at
     from tasks where workspace_id = $2 and deleted_at is null`,
    [copy.id, workspaceId],
  );
  await run(
    `insert into task_comments (workspace_id, task_id, author_id, body, deleted_at)
     select t.workspace_id, t.id, t.created_by, 'Comment ' || g, case when g = $2 then now() end
     from tasks t, generate_series(1, $2::int) g where t.workspace_id = $1`,
    [copy.id, COMMENTS_PER_TASK],
  );
  await run(
    `insert into task_attachments (workspace_id, task_id, uploader_id, name, content_type, size,
       storage_key, state)
     select t.workspace_id, t.id, t.created_by, 'file-' || g || '.pdf', 'application/pdf', 1024,
       gen_random_uuid()::text, case when g = $2 then 'pending' else 'ready' end
     from tasks t, generate_series(1, $2::int) g where t.workspace_id = $1`,
    [copy.id, ATTACHMENTS_PER_TASK],
  );
  return copy.id;
}

/** As `taskflow seed` does for its tables: planned on their real size, not once analysed later. */
const analyze = 'analyze workspaces, workspace_members, tasks, task_comments, task_attachments';
/**
 * On PostgreSQL, what autovacuum does to new rows soon after (the visibility map that lets a
 * count read an index alone), done before the load rather than during it. PGlite runs no
 * autovacuum: its tables are measured as an embedded server leaves them.
 */
const vacuum = ['vacuum task_comments', 'vacuum task_attachments'];

async function main() {
  const [kind = '', where = '', workspaceId = ''] = process.argv.slice(2);
  if (kind === 'embedded') {
    // The data directory as `taskflow serve` lays it out; no server has it open yet.
    const pglite = await PGlite.create(path.join(where, 'pgdata'));
    const run: Run = async (text, values) =>
      (await pglite.query<{ id: string }>(text, values)).rows;
    const id = await pglite.transaction((tx) =>
      copyWithConversations(
        async (text, values) => (await tx.query<{ id: string }>(text, values)).rows,
        workspaceId,
      ),
    );
    await run(analyze, []);
    await pglite.close();
    console.log(id);
    return;
  }
  const client = new pg.Client({ connectionString: where });
  await client.connect();
  try {
    const run: Run = async (text, values) =>
      (await client.query<{ id: string }>(text, values)).rows;
    await run('begin', []);
    const id = await copyWithConversations(run, workspaceId);
    await run('commit', []);
    await run(analyze, []);
    for (const statement of vacuum) await run(statement, []);
    console.log(id);
  } finally {
    await client.end();
  }
}

/** The counted copy of `workspaceId` in `target`: its id. */
export function seedCountedWorkspace(target: Target, workspaceId: string): string {
  const where = target.kind === 'embedded' ? target.dataDir : target.url;
  const run = spawnSync(process.execPath, [import.meta.filename, target.kind, where, workspaceId], {
    encoding: 'utf8',
  });
  const id = run.stdout.trim();
  if (run.status !== 0 || !/^[0-9a-f-]{36}$/.test(id)) {
    throw new Error(
      `the counted workspace was not made: ${(run.stderr || run.stdout).slice(-2000)}`,
    );
  }
  return id;
}

if (import.meta.main) await main();
