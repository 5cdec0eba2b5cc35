import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { finished, runCli, startNode, waitForLine } from '../test/cli.ts';
import { newDataDir } from '../test/data-dir.ts';

/** `taskflow users set-role` and the setup link, as an operator meets them on one data directory. */
let env: Record<string, string>;
let remove: () => Promise<void>;

beforeAll(async () => {
  ({ env, remove } = await newDataDir('migrated'));
});
afterAll(() => remove());

const password = 'correct horse battery staple\n';

describe('taskflow users set-role', () => {
  it('prints one setup link at start while there is no admin; commands reach the database through the running server', async () => {
    const server = startNode(['serve'], { ...env, PORT: '0', LOG_LEVEL: 'info' });
    const done = finished(server);
    try {
      const line = await waitForLine(server, /No administrator yet/);
      const link = /open (\S+)\/setup\/([\w-]{43}) to create the first one/.exec(line);
      expect(link?.[1]).toBe('http://localhost:0');

      // The server holds the directory and serves its database to operator commands.
      const unknown = await runCli(['users', 'set-role', 'someone@example.com', 'admin'], env);
      expect(unknown.code).toBe(1);
      expect(unknown.stdout).toBe('');
      expect(unknown.stderr).toBe('taskflow: no account uses the email someone@example.com\n');
      const stats = await runCli(['tasks', 'stats', '--json'], env);
      expect(stats.code, stats.stderr).toBe(0);
      expect(JSON.parse(stats.stdout)).toMatchObject({ workspace: null, total: 0 });
      const jobs = await runCli(['jobs', 'stats', '--json'], env);
      expect(jobs.code, jobs.stderr).toBe(0);
      const backup = await runCli(['backup', '--json'], env);
      expect(backup.code, backup.stderr).toBe(0);
      expect(JSON.parse(backup.stdout)).toMatchObject({ trigger: 'command' });
    } finally {
      server.kill('SIGTERM');
    }
    const run = await done;
    expect(run.stdout.split('No administrator yet').length - 1).toBe(1);
  }, 120_000);

  it('promotes and demotes by email, refuses the last admin, an unknown email or role', async () => {
    const admin = await runCli(
      ['create-admin', '--email', 'root@example.com', '--name', 'Root'],
      env,
      password,
    );
    expect(admin.code, admin.stderr).toBe(0);
    const user = await runCli(
      ['create-admin', '--email', 'sam@example.com', '--name', 'Sam'],
      env,
      password,
    );
    expect(user.code, user.stderr).toBe(0);

    const demoteSam = await runCli(['users', 'set-role', 'Sam@Example.com', 'user'], env);
    expect(demoteSam.code, demoteSam.stderr).toBe(0);
    expect(demoteSam.stdout).toBe('sam@example.com is now a user\n');

    const last = await runCli(['users', 'set-role', 'root@example.com', 'user'], env);
    expect(last.code).toBe(1);
    expect(last.stderr).toBe('taskflow: TaskFlow needs at least one administrator\n');

    const promote = await runCli(['users', 'set-role', 'sam@example.com', 'admin'], env);
    expect(promote.stdout).toBe('sam@example.com is now an admin\n');
    const nowFine = await runCli(['users', 'set-role', 'root@example.com', 'user'], env);
    expect(nowFine.stdout).toBe('root@example.com is now a user\n');

    const unknown = await runCli(['users', 'set-role', 'nobody@example.com', 'admin'], env);
    expect(unknown.stderr).toBe('taskflow: no account uses the email nobody@example.com\n');
    const badRole = await runCli(['users', 'set-role', 'sam@example.com', 'owner'], env);
    expect(badRole.code).toBe(1);
    expect(badRole.stderr).toBe('taskflow: <role>: "owner" is not admin or user\n');
  }, 180_000);
});
