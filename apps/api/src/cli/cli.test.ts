import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrations } from '../db/migrations/index.ts';
import { runCli } from '../test/cli.ts';

describe('taskflow CLI', () => {
  it('--help lists the commands', async () => {
    const run = await runCli(['--help']);
    expect(run.code).toBe(0);
    for (const command of ['serve', 'migrate', 'export-openapi'])
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

  it('migrate status / up / down on an embedded data directory', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'taskflow-cli-'));
    try {
      const env = { DATA_DIR: dir };
      expect((await runCli(['migrate', 'status'], env)).stdout).toMatch(/0001_users\s+pending/);
      expect((await runCli(['migrate', 'up'], env)).stdout).toContain('applied 0001_users');
      expect((await runCli(['migrate', 'status'], env)).stdout).toMatch(/0001_users\s+applied/);
      const last = Object.keys(migrations).at(-1);
      expect((await runCli(['migrate', 'down'], env)).stdout).toContain(`reverted ${last}`);
      expect((await runCli(['migrate', 'status'], env)).stdout).toMatch(
        new RegExp(`${last}\\s+pending`),
      );
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
