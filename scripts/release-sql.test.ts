import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { recordReleasedSql } from './release-sql.ts';

const dirs: string[] = [];

/**
 * A repository with these snapshot files, by folder under apps/api/src, and an older release
 * recorded.
 */
async function repository(snapshots: Record<string, Record<string, string>>) {
  const root = await mkdtemp(path.join(tmpdir(), 'taskflow-release-sql-'));
  dirs.push(root);
  for (const [module, files] of Object.entries(snapshots)) {
    const dir = path.join(root, 'apps/api/src', module, '__snapshots__');
    await mkdir(dir, { recursive: true });
    for (const [file, text] of Object.entries(files)) await writeFile(path.join(dir, file), text);
  }
  await mkdir(path.join(root, 'apps/api/src/modules/auth'), { recursive: true });
  await mkdir(path.join(root, 'apps/api/src/db/compat/0.1.0'), { recursive: true });
  await writeFile(path.join(root, 'apps/api/src/db/compat/0.1.0/old.repository.sql'), 'old');
  return root;
}

afterEach(async () => {
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

describe('recordReleasedSql', () => {
  it("copies every repository's snapshots as they are and replaces the previous release", async () => {
    const tasks = '-- find\nselect "id" from "tasks" where "id" = $1;\n';
    const root = await repository({
      'modules/tasks': { 'tasks.repository.sql': tasks },
      'modules/workspaces': {
        'workspaces.repository.sql': '-- delete\ndelete from "workspaces";\n',
      },
      'platform/idempotency': { 'idempotency.repository.sql': '-- claim\nselect 1;\n' },
    });
    expect(recordReleasedSql(root, '0.2.0')).toEqual([
      'idempotency.repository.sql',
      'tasks.repository.sql',
      'workspaces.repository.sql',
    ]);
    const compat = path.join(root, 'apps/api/src/db/compat');
    expect(await readdir(compat)).toEqual(['0.2.0']);
    expect(await readFile(path.join(compat, '0.2.0/tasks.repository.sql'), 'utf8')).toBe(tasks);
  });

  it('fails when there is nothing to record', async () => {
    const root = await repository({});
    expect(() => recordReleasedSql(root, '0.2.0')).toThrow(/no SQL snapshots/);
  });

  it('refuses two snapshots of one name', async () => {
    const root = await repository({
      'modules/tasks': { 'x.repository.sql': 'a' },
      'platform/x': { 'x.repository.sql': 'b' },
    });
    expect(() => recordReleasedSql(root, '0.2.0')).toThrow(
      /two repositories .* x\.repository\.sql/,
    );
  });
});
