import { randomUUID } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { create, WriteEntry } from 'tar';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../test/cli.ts';
import { newDataDir } from '../test/data-dir.ts';
import { EXECUTABLE } from '../test/files.ts';
import { withInstanceApp } from '../test/instance.ts';
import { newUser } from '../test/workspaces.ts';

/**
 * `taskflow workspace import` refuses a malformed, cut or hostile archive with a message that
 * says why, and writes nothing: no row, no stored file.
 */
let target: Awaited<ReturnType<typeof newDataDir>>;
let archives: string;

beforeAll(async () => {
  target = await newDataDir('migrated');
  archives = await mkdtemp(path.join(tmpdir(), 'taskflow-archives-'));
  await withInstanceApp(target.dir, ({ app, database }) =>
    newUser(app, database, 'ada@example.com'),
  );
});
afterAll(async () => {
  await Promise.all([target?.remove(), rm(archives, { recursive: true, force: true })]);
});

const TEXT = Buffer.from('a checklist\n');
const now = '2026-12-01T10:00:00.000Z';

/** A valid document of one task with one text file, as a new archive of a new workspace. */
function documentOf(change: (doc: Record<string, unknown>) => void = () => {}) {
  const taskId = randomUUID();
  const doc: Record<string, unknown> = {
    format: 'taskflow.workspace-archive',
    formatVersion: 1,
    taskflowVersion: '0.1.0',
    archiveId: randomUUID(),
    exportedAt: now,
    workspace: {
      id: randomUUID(),
      name: 'Refused',
      personal: false,
      createdAt: now,
      updatedAt: now,
    },
    people: [{ email: 'ada@example.com', name: 'Ada', role: 'owner' }],
    labels: [],
    tasks: [
      {
        ...{ id: taskId, title: 'A task', description: '', status: 'todo', priority: 'medium' },
        ...{ dueDate: null, assignee: null, labels: [], createdBy: 'ada@example.com' },
        ...{ followers: [], createdAt: now, updatedAt: now, completedAt: null, deletedAt: null },
      },
    ],
    comments: [],
    attachments: [
      {
        ...{ id: randomUUID(), taskId, file: 'files/0', name: 'notes.txt' },
        ...{ contentType: 'text/plain', size: TEXT.length, uploader: null, createdAt: now },
      },
    ],
    history: [],
  };
  change(doc);
  return doc;
}

const entry = (entryPath: string, body: string | Buffer, type?: 'SymbolicLink') =>
  type
    ? new WriteEntry({ path: entryPath, type, linkpath: '/etc/passwd' })
    : new WriteEntry({ path: entryPath, mode: 0o644 }, body);
const docEntry = (doc: unknown) => entry('workspace.json', JSON.stringify(doc));

async function archive(entries: WriteEntry[]) {
  const file = path.join(archives, `${randomUUID()}.tar.gz`);
  await create({ file, gzip: true, preservePaths: true }, entries);
  return file;
}

const importing = (file: string, owner = 'ada@example.com') =>
  runCli(['workspace', 'import', file, '--owner', owner], target.env);

/** Everything an import writes: rows of the workspace's tables, and stored files. */
async function state() {
  const rows = await withInstanceApp(target.dir, async ({ database }) => {
    const { rows } = await sql<Record<string, number>>`
      select (select count(*)::int from workspaces) as workspaces,
        (select count(*)::int from workspace_members) as members,
        (select count(*)::int from tasks) as tasks,
        (select count(*)::int from task_attachments) as attachments,
        (select count(*)::int from task_history) as history,
        (select count(*)::int from workspace_imports) as imports,
        (select count(*)::int from events) + (select count(*)::int from event_outbox) as events`.execute(
      database.db,
    );
    return rows[0];
  });
  // Stored files only: the local store leaves a removed key's directory, as for any upload.
  const found = await readdir(path.join(target.dir, 'files'), {
    recursive: true,
    withFileTypes: true,
  }).catch(() => []);
  const files = found
    .filter((e) => e.isFile() && !e.parentPath.includes('.incoming'))
    .map((e) => path.relative(target.dir, path.join(e.parentPath, e.name)));
  return { rows, files: files.sort() };
}

describe('taskflow workspace import refuses', () => {
  it('what is not a whole, valid archive, and writes nothing', async () => {
    // The fixtures make a valid archive, so each refusal below is about its own defect.
    const valid = await importing(await archive([docEntry(documentOf()), entry('files/0', TEXT)]));
    expect(valid.code, valid.stderr).toBe(0);
    const before = await state();
    expect(before.files.length).toBeGreaterThan(0);

    const good = await archive([docEntry(documentOf()), entry('files/0', TEXT)]);
    const goodBytes = await readFile(good);
    const corrupted = Buffer.from(goodBytes);
    for (let i = 20; i < 40; i++) corrupted[i] = (corrupted[i] ?? 0) ^ 0x5a;
    const write = async (bytes: Buffer) => {
      const file = path.join(archives, `${randomUUID()}.tar.gz`);
      await writeFile(file, bytes);
      return file;
    };

    const cases: [string, Promise<string>, RegExp, string?][] = [
      [
        'a path out of the archive (after a file it had stored)',
        archive([docEntry(documentOf()), entry('files/0', TEXT), entry('../evil', 'x')]),
        /unexpected entry "\.\.\/evil"/,
      ],
      [
        'an absolute path',
        archive([docEntry(documentOf()), entry('/etc/cron.d/evil', 'x')]),
        /not a valid TaskFlow workspace archive/,
      ],
      [
        'a symbolic link',
        archive([docEntry(documentOf()), entry('files/0', '', 'SymbolicLink')]),
        /unexpected entry "files\/0" \(SymbolicLink\)/,
      ],
      [
        'another format version',
        archive([docEntry(documentOf((d) => Object.assign(d, { formatVersion: 2 })))]),
        /it is format version 2 \(made by TaskFlow 0\.1\.0\); this TaskFlow reads version 1/,
      ],
      ['corrupted gzip', write(corrupted), /damaged or not a gzipped tar archive/],
      [
        'an archive cut short',
        write(goodBytes.subarray(0, Math.floor(goodBytes.length / 2))),
        /damaged or not a gzipped tar archive|missing/,
      ],
      [
        'a file the document names that is not there',
        archive([docEntry(documentOf())]),
        /1 file\(s\) the document names are missing \(files\/0\)/,
      ],
      [
        'a file of another size than the document says',
        archive([docEntry(documentOf()), entry('files/0', EXECUTABLE)]),
        /has \d+ bytes; the document says 12/,
      ],
      [
        'a file of a type TaskFlow does not take',
        archive([
          docEntry(
            documentOf((d) =>
              Object.assign(d.attachments as object[], [
                { ...(d.attachments as object[])[0], size: EXECUTABLE.length },
              ]),
            ),
          ),
          entry('files/0', EXECUTABLE),
        ]),
        /files\/0 \("notes\.txt"\) holds a type TaskFlow does not take, not the text\/plain/,
      ],
      [
        'a file larger than this instance takes',
        archive([
          docEntry(
            documentOf((d) =>
              Object.assign(d.attachments as object[], [
                { ...(d.attachments as object[])[0], size: 50_000_000 },
              ]),
            ),
          ),
          entry('files/0', TEXT),
        ]),
        /the file "notes\.txt" has 50000000 bytes; this instance takes at most/,
      ],
      [
        'a document that is not JSON',
        archive([entry('workspace.json', '{"format": '), entry('files/0', TEXT)]),
        /workspace\.json is not JSON/,
      ],
      [
        'a comment on a task the archive does not hold',
        archive([
          docEntry(
            documentOf((d) => {
              d.comments = [
                {
                  ...{ id: randomUUID(), taskId: randomUUID(), author: null, body: 'Hi' },
                  ...{ createdAt: now, updatedAt: now, editedAt: null, deletedAt: null },
                },
              ];
            }),
          ),
          entry('files/0', TEXT),
        ]),
        /comments\.0\.taskId: Not one of the tasks/,
      ],
      [
        'the files before the document',
        archive([entry('files/0', TEXT), docEntry(documentOf())]),
        /the first entry must be the file workspace\.json/,
      ],
      [
        'a row the database refuses (its stored file is removed again)',
        archive([
          docEntry(
            documentOf((d) =>
              Object.assign(d.workspace as object, { createdAt: '0000-01-01T00:00:00Z' }),
            ),
          ),
          entry('files/0', TEXT),
        ]),
        /out of range/,
      ],
      [
        'an owner with no account here',
        archive([docEntry(documentOf()), entry('files/0', TEXT)]),
        /no account uses the email nobody@example\.com/,
        'nobody@example.com',
      ],
    ];
    for (const [what, file, message, owner] of cases) {
      const run = await importing(await file, owner);
      expect(run.code, what).toBe(1);
      expect(run.stdout, what).toBe('');
      expect(run.stderr, what).toMatch(message);
      // Said once, after any progress lines.
      const said = run.stderr
        .trim()
        .split('\n')
        .filter((l) => !l.startsWith('storing files:'));
      expect(said, what).toHaveLength(1);
    }
    expect(await state()).toEqual(before);
  }, 360_000);
});
