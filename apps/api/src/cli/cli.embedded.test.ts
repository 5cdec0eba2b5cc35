import { describe, expect, it } from 'vitest';
import { migrations } from '../db/migrations/index.ts';
import { runCli } from '../test/cli.ts';
import { newDataDir } from '../test/data-dir.ts';

describe('taskflow CLI', () => {
  it('--help lists the commands', async () => {
    const run = await runCli(['--help']);
    expect(run.code).toBe(0);
    for (const command of [
      'serve',
      'worker',
      'migrate',
      'create-admin',
      'keys',
      'export-openapi',
      'seed',
      'jobs',
      'tasks',
    ])
      expect(run.stdout).toContain(command);
    const migrate = await runCli(['migrate', '--help']);
    for (const sub of ['up', 'down', 'status']) expect(migrate.stdout).toContain(sub);
  });

  it('stops at startup naming each missing or invalid environment variable', async () => {
    const run = await runCli(['serve'], { PORT: 'eighty', DATABASE_URL: 'mysql://root:pw@x/db' });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/PORT: /);
    expect(run.stderr).toMatch(/DATABASE_URL: /);
    expect(run.stderr).not.toContain('pw@');
  });

  it('create-admin reads the password from stdin, never argv, and refuses a weak one', async () => {
    const { env, remove } = await newDataDir('migrated');
    try {
      const args = ['create-admin', '--email', 'Root@Example.com', '--name', 'Root'];
      const weak = await runCli(args, env, 'password\n');
      expect(weak.code).toBe(1);
      expect(weak.stderr).toContain('too common');
      const ok = await runCli(args, env, 'correct horse battery staple\n');
      expect(ok.code).toBe(0);
      expect(ok.stdout).toContain('created admin root@example.com');
      const again = await runCli(args, env, 'correct horse battery staple\n');
      expect(again.code).toBe(1);
      expect(again.stderr).toContain('already exists');
    } finally {
      await remove();
    }
  }, 120_000);

  it('keys rotate adds a signing key and retires the previous one', async () => {
    const { env, remove } = await newDataDir('empty');
    try {
      expect((await runCli(['migrate', 'up'], env)).code).toBe(0);
      const first = await runCli(['keys', 'rotate'], env);
      const second = await runCli(['keys', 'rotate'], env);
      expect(first.code).toBe(0);
      const kid = (run: { stdout: string }) => run.stdout.match(/new signing key (\S+);/)?.[1];
      expect(kid(first)).toMatch(/^[0-9a-f-]{36}$/);
      expect(kid(second)).not.toBe(kid(first));
    } finally {
      await remove();
    }
  }, 120_000);

  it('migrate status / up / down on an embedded data directory', async () => {
    const { env, remove } = await newDataDir('empty');
    try {
      expect((await runCli(['migrate', 'status'], env)).stdout).toMatch(/0001_users\s+pending/);
      expect((await runCli(['migrate', 'up'], env)).stdout).toContain('applied 0001_users');
      expect((await runCli(['migrate', 'status'], env)).stdout).toMatch(/0001_users\s+applied/);
      const last = Object.keys(migrations).at(-1);
      expect((await runCli(['migrate', 'down'], env)).stdout).toContain(`reverted ${last}`);
      expect((await runCli(['migrate', 'status'], env)).stdout).toMatch(
        new RegExp(`${last}\\s+pending`),
      );
    } finally {
      await remove();
    }
  }, 120_000);
});
