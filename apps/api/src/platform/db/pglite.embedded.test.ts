import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../test/cli.ts';
import { type Database, openEmbeddedDatabase } from './database.ts';
import { acquireLock, DataDirInUseError } from './lock.ts';
import { DataDirVersionError } from './pglite.ts';

let dir: string;
let first: Database;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'taskflow-pglite-'));
  first = await openEmbeddedDatabase(dir);
  await sql`create table notes (id int primary key, body text)`.execute(first.db);
  await sql`insert into notes select g, 'note ' || g from generate_series(1, 500) g`.execute(
    first.db,
  );
});

afterAll(async () => {
  await first.close();
  await rm(dir, { recursive: true, force: true });
});

describe('embedded data directory', () => {
  it('refuses a second opener in the same process, naming the holder', async () => {
    const error = await openEmbeddedDatabase(dir).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DataDirInUseError);
    expect((error as DataDirInUseError).pid).toBe(process.pid);
  });

  it('a second `taskflow serve` exits non-zero with "in use by pid N"; the first loses nothing', async () => {
    const run = await runCli(['serve'], { DATA_DIR: dir, PORT: '0' });
    expect(run.code).not.toBe(0);
    expect(run.stderr).toContain(`data directory ${dir} is in use by pid ${process.pid}`);
    expect(run.stdout + run.stderr).not.toContain('acquireLock'); // a message, not a stack trace
    // Said once: not also as a log line beside it.
    expect((run.stdout + run.stderr).split('is in use by pid').length - 1).toBe(1);

    const { rows } = await sql<{ n: number }>`select count(*)::int as n from notes`.execute(
      first.db,
    );
    expect(rows[0]?.n).toBe(500);
    await sql`insert into notes values (501, 'after')`.execute(first.db);
  });

  it('takes over a lock left by a dead process', async () => {
    const other = await mkdtemp(path.join(tmpdir(), 'taskflow-lock-'));
    const lockPath = path.join(other, 'taskflow.lock');
    await writeFile(lockPath, '2147483646'); // no such pid
    const lock = acquireLock(lockPath, other);
    lock.release();
    await rm(other, { recursive: true });
  });

  it('refuses a data directory written by another PGlite line', async () => {
    const other = await mkdtemp(path.join(tmpdir(), 'taskflow-version-'));
    await writeFile(path.join(other, 'pglite-version'), '0.1.5\n');
    const error = await openEmbeddedDatabase(other).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DataDirVersionError);
    expect(String(error)).toContain('PGlite 0.1.5');
    // The failed open released its lock: a later open is not told "in use".
    expect(() => acquireLock(path.join(other, 'taskflow.lock'), other).release()).not.toThrow();
    await rm(other, { recursive: true });
  });
});
