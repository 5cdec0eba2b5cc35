import type { Job, JobStats, TaskStats } from '@taskflow/contract';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPasswordService } from '../modules/auth/password.ts';
import { type Run, runCli } from '../test/cli.ts';
import { newDataDir, withDataDir } from '../test/data-dir.ts';

/**
 * `seed`, `tasks stats` and `jobs …` as an operator runs them: real processes, one after another
 * (a data directory admits one process at a time), on one embedded data directory migrated once.
 */
let dir: string;
let env: Record<string, string>;
let remove: () => Promise<void>;
/** The JSON document of a run that succeeded (its stderr tells why not). */
const json = <T>(run: Run) => {
  expect(run.code, run.stderr).toBe(0);
  return JSON.parse(run.stdout) as T;
};

beforeAll(async () => {
  ({ dir, env, remove } = await newDataDir('migrated'));
});
afterAll(() => remove());

const MINUTE = 60_000;
let workspaceId: string;
let password: string;

describe('taskflow seed', () => {
  it('creates demo users and a workspace of tasks, with progress on stderr; a second run changes nothing', async () => {
    const run = await runCli(['seed', '--users', '3', '--tasks', '120'], env);
    expect(run.code, run.stderr).toBe(0);
    const made = /workspace "Demo team" \(([0-9a-f-]{36})\) with 3 users and 120 tasks/.exec(
      run.stdout,
    );
    workspaceId = made?.[1] ?? '';
    password = /with the password (\S+) as:/.exec(run.stdout)?.[1] ?? '';
    expect(workspaceId).not.toBe('');
    expect(password).toMatch(/^demo-/);
    for (const email of ['demo@taskflow.local', 'sam@taskflow.local', 'alex@taskflow.local'])
      expect(run.stdout).toContain(email);
    // Not a terminal: a few plain lines, no bar redrawn in place.
    expect(run.stderr).toContain('seeding tasks: 120/120 (100%)');
    expect(run.stderr).not.toContain('\r');
    expect(run.stderr.trim().split('\n').length).toBeLessThanOrEqual(5);

    const again = await runCli(['seed', '--json'], env);
    expect(again.code, again.stderr).toBe(0);
    expect(json(again)).toEqual({
      created: false,
      reason: 'the demo user demo@taskflow.local already exists',
    });

    const bad = await runCli(['seed', '--users', '0'], env);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain("option '--users <n>' argument '0' is invalid");
  }, 120_000);
});

describe('taskflow tasks stats', () => {
  it('sums every workspace, or one, as a table and as JSON; an unknown workspace fails', async () => {
    const all = json<TaskStats & { workspace: null }>(
      await runCli(['tasks', 'stats', '--json', '--tz', 'UTC'], env),
    );
    expect(all.workspace).toBeNull();
    expect(all.total).toBe(120);
    const { todo, in_progress, done } = all.byStatus;
    expect(todo + in_progress + done).toBe(120);
    expect(Object.values(all.byPriority).reduce((a, b) => a + b)).toBe(120);
    expect(all.createdToday).toBeGreaterThanOrEqual(16); // the curated tasks are made now
    expect(all.overdue).toBeGreaterThan(0);
    expect(all.completionSeries).toHaveLength(30);
    expect(all.timeZone).toBe('UTC');

    const one = await runCli(['tasks', 'stats', '--workspace', workspaceId], env);
    expect(one.code, one.stderr).toBe(0);
    expect(one.stdout).toContain(`workspace "Demo team" (${workspaceId}, 3 members)`);
    expect(one.stdout).toMatch(/│ total\s+│\s+120 │/);
    expect(one.stdout).toMatch(new RegExp(`│ done\\s+│\\s+${done} │`));

    const unknown = await runCli(
      ['tasks', 'stats', '--workspace', '00000000-0000-4000-8000-000000000000'],
      env,
    );
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toBe(
      'taskflow: no workspace has the id 00000000-0000-4000-8000-000000000000\n',
    );
  }, 120_000);
});

describe('taskflow jobs', () => {
  let failedId: string;
  const envelope = (to: string) => ({
    payload: { to, subject: 'Hello', text: 'Hi' },
    requestId: 'req-cli-test',
  });

  beforeAll(async () => {
    await withDataDir(dir, async ({ database, jobs }) => {
      // The seeded logins work: every demo user has the printed password.
      const sam = await database.db
        .selectFrom('users')
        .select('password_hash')
        .where('email', '=', 'sam@taskflow.local')
        .executeTakeFirstOrThrow();
      expect(await createPasswordService().verify(sam.password_hash, password)).toBe(true);

      const boss = jobs.queue.boss;
      const settle = async (to: string, outcome: 'complete' | 'fail') => {
        const id = await boss.send('mail.send', envelope(to), { retryLimit: 0 });
        const [job] = await boss.fetch('mail.send');
        expect(job?.id).toBe(id);
        if (outcome === 'fail')
          await boss.fail('mail.send', id as string, { message: 'smtp is down' });
        else await boss.complete('mail.send', id as string);
        return id as string;
      };
      failedId = await settle('failed@example.com', 'fail');
      const old = [
        await settle('a@example.com', 'complete'),
        await settle('b@example.com', 'complete'),
      ];
      await settle('c@example.com', 'complete');
      await sql`update pgboss.job set completed_on = now() - interval '2 days' where id = any(${old}::uuid[])`.execute(
        database.db,
      );
      await boss.send('tasks.export', {
        payload: { exportId: '00000000-0000-4000-8000-000000000001' },
        requestId: null,
      });
    });
  }, 60_000);

  it('stats: by state and by type, and today', async () => {
    const stats = json<JobStats & { timeZone: string }>(
      await runCli(['jobs', 'stats', '--json', '--tz', 'UTC'], env),
    );
    expect(stats.byState).toMatchObject({ completed: 3, failed: 1 });
    expect(stats.byType.find((t) => t.type === 'mail.send')?.byState).toMatchObject({
      completed: 3,
      failed: 1,
    });
    expect(stats.byType.find((t) => t.type === 'tasks.export')?.byState.created).toBe(1);
    expect(stats).toMatchObject({ completedToday: 1, failedToday: 1, timeZone: 'UTC' });

    const text = await runCli(['jobs', 'stats'], env);
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout).toMatch(/│ mail\.send\s+│\s+0 │\s+0 │\s+0 │\s+3 │\s+0 │\s+1 │\s+4 │/);
    expect(text.stdout).toContain('all types');
    expect(text.stdout).toMatch(/1 completed, 1 failed/);
  }, 120_000);

  it('list: newest first, filtered, limited, and with payload, error and request id when verbose', async () => {
    const page = json<{ items: Job[]; more: boolean }>(
      await runCli(['jobs', 'list', '--limit', '2', '--json'], env),
    );
    expect(page.items).toHaveLength(2);
    expect(page.more).toBe(true);
    expect(page.items[0]?.type).toBe('tasks.export');
    expect(Date.parse(page.items[0]?.createdAt ?? '')).toBeGreaterThanOrEqual(
      Date.parse(page.items[1]?.createdAt ?? ''),
    );

    const table = await runCli(['jobs', 'list', '--type', 'mail.send'], env);
    expect(table.code, table.stderr).toBe(0);
    expect(table.stdout).toMatch(/│ id\s+│ type\s+│ state\s+│ attempts/);
    expect(table.stdout.match(/│ mail\.send /g)).toHaveLength(4);
    expect(table.stdout).not.toContain('tasks.export');
    expect(table.stdout).not.toContain('smtp is down');

    const verbose = await runCli(['jobs', 'list', '--state', 'failed', '--verbose'], env);
    expect(verbose.code, verbose.stderr).toBe(0);
    for (const text of [failedId, 'smtp is down', 'req-cli-test', 'failed@example.com'])
      expect(verbose.stdout).toContain(text);
    expect(verbose.stdout).not.toContain('a@example.com');

    const bad = await runCli(['jobs', 'list', '--state', 'lost'], env);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('Allowed choices are created, retry, active');
  }, 120_000);

  it('retry: a failed job runs again; an unknown or unfailed one is refused', async () => {
    const run = await runCli(['jobs', 'retry', failedId], env);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain(`Job ${failedId} (mail.send) will run again (state: retry)`);

    const again = await runCli(['jobs', 'retry', failedId, '--json'], env);
    expect(again.code).toBe(1);
    expect(again.stdout).toBe('');
    expect(again.stderr).toBe(
      `taskflow: job ${failedId} is retry: only failed or cancelled jobs can be retried\n`,
    );

    const unknown = await runCli(['jobs', 'retry', '00000000-0000-4000-8000-000000000000'], env);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('no job has the id 00000000-0000-4000-8000-000000000000');

    const bad = await runCli(['jobs', 'retry', 'nope'], env);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toBe('taskflow: "nope" is not a job id (a UUID)\n');
  }, 120_000);

  it('clear-completed: a dry run only counts; then the old completed jobs go', async () => {
    const dry = await runCli(['jobs', 'clear-completed', '--older-than', '1d', '--dry-run'], env);
    expect(dry.code, dry.stderr).toBe(0);
    expect(dry.stdout).toContain(
      'Would delete 2 completed or cancelled jobs finished more than 1d ago',
    );
    expect(dry.stdout).toContain('nothing changed');
    const completed = async () =>
      json<{ items: Job[] }>(await runCli(['jobs', 'list', '--state', 'completed', '--json'], env))
        .items.length;
    expect(await completed()).toBe(3);

    const clear = json<{ dryRun: boolean; olderThan: string; before: string; count: number }>(
      await runCli(['jobs', 'clear-completed', '--older-than', '24h', '--json'], env),
    );
    expect(clear).toMatchObject({ dryRun: false, olderThan: '1d', count: 2 });
    expect(Math.abs(Date.parse(clear.before) - (Date.now() - 1_440 * MINUTE))).toBeLessThan(
      5 * MINUTE,
    );
    expect(await completed()).toBe(1);

    const bad = await runCli(['jobs', 'clear-completed', '--older-than', '7x'], env);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('expected a duration such as 7d, 12h or 30m');
  }, 120_000);
});
