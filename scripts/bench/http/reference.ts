/**
 * The limit the task scenarios are compared to: plain `node:http` and the same database driver
 * (PGlite or pg), running the very statements the app runs for the same requests, with no
 * framework, no validation, no authentication and `JSON.stringify` for output.
 *   node scripts/bench/http/reference.ts embedded <dataDir> <port> <workspaceId> <countedId>
 *   node scripts/bench/http/reference.ts postgres <url> <port> <workspaceId> <countedId>
 * (`countedId`: the copy of the workspace whose tasks have comments and files, for list-counts)
 * The statements are its own copy (reference-sql.gen.ts, regenerated from the API's SQL
 * snapshots), with the parameters the app passes for the bench's requests; each request replays
 * them through the bare driver, on one connection (a create is a transaction: the task, its
 * follower, its outbox event; then the transaction that numbers the event, as the app's stamp).
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import path from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import {
  EMBEDDED_START_PARAMS,
  EMBEDDED_V8_FLAGS,
} from '../../../apps/api/src/platform/db/pglite.ts';
import { createBody } from '../lib/task-fixture.ts';
import { referenceSql } from './reference-sql.gen.ts';

type Raw = (text: string, values: readonly unknown[]) => Promise<unknown[]>;
/** Runs statements one after the other on one connection (a transaction stays on it). */
type Session = (list: Statement[]) => Promise<unknown[]>;
type Statement = { sql: string; values: unknown[] };

/** The rows of the last statement that returned any: a create ends with its event and `commit`. */
const inSequence = async (raw: Raw, list: Statement[]) => {
  let rows: unknown[] = [];
  for (const q of list) {
    const result = await raw(q.sql, q.values);
    if (result.length > 0) rows = result;
  }
  return rows;
};

async function connect(kind: string, target: string) {
  if (kind === 'embedded') {
    // The data directory as `taskflow serve` lays it out (its lock is free: the app is not there),
    // opened with the same settings, in a process whose V8 is set as embedded `serve` sets it.
    setFlagsFromString(EMBEDDED_V8_FLAGS);
    const pglite = await PGlite.create(path.join(target, 'pgdata'), {
      startParams: EMBEDDED_START_PARAMS,
    });
    const raw: Raw = async (text, values) => (await pglite.query(text, [...values])).rows;
    // PGlite has one connection: a transaction must not interleave with another request's.
    let queue = Promise.resolve<unknown>(undefined);
    const session: Session = (list) => {
      const run = queue.then(() => inSequence(raw, list));
      queue = run.catch(() => undefined);
      return run;
    };
    return { raw, session };
  }
  const pool = new pg.Pool({ connectionString: target, max: 10 });
  const raw: Raw = async (text, values) => (await pool.query(text, [...values])).rows;
  const session: Session = async (list) => {
    const client = await pool.connect();
    try {
      return await inSequence(
        async (text, values) => (await client.query(text, [...values])).rows,
        list,
      );
    } finally {
      client.release();
    }
  };
  return { raw, session };
}

/**
 * The parameters the app passes for the bench's requests: list-20 of `todo,in_progress` by due
 * date (21 rows: one more tells whether a next page exists), on each workspace; the first task, a
 * create by the owner. A create's follower and event name one existing task, as a replay cannot
 * know the new id.
 */
async function statements(raw: Raw, workspace: string, counted: string) {
  const [owner] = (await raw(
    "select user_id from workspace_members where workspace_id = $1 and role = 'owner'",
    [workspace],
  )) as { user_id: string }[];
  const [first] = (await raw(
    'select id from tasks where workspace_id = $1 and deleted_at is null order by position limit 1',
    [workspace],
  )) as { id: string }[];
  if (!owner || !first) throw new Error('the bench fixture is missing');
  const user = owner.user_id;
  const scope = [workspace, workspace, user];
  const now = new Date().toISOString();
  const task = {
    id: first.id,
    workspaceId: workspace,
    ...createBody,
    description: '',
    status: 'todo',
    dueDate: null,
    assigneeId: null,
    position: 'Zz',
    version: 1,
    createdBy: user,
    createdAt: now,
    updatedAt: now,
    completedAt: null,
  };
  const [begin, placement, insert, follow, event, commit] = referenceSql.create;
  const values: unknown[][] = [
    [],
    [workspace, 1, workspace, user],
    [
      workspace,
      createBody.title,
      '',
      'todo',
      createBody.priority,
      null,
      null,
      createBody.labels,
    ].concat(['Zz', user, null]),
    [first.id, user],
    [['task.created'], [workspace], [null], [user], [JSON.stringify({ task })]],
    [],
  ];
  // The stamp's lock key and batch, as events.repository.ts and outbox.ts pass them.
  const stampValues: unknown[][] = [[], [7_307_001], [5_000], []];
  const with_ = (sql: string | undefined, v: unknown[]) => ({ sql: sql ?? '', values: v });
  return {
    list: [with_(referenceSql.list[0], [...scope, 'todo', 'in_progress', 21])],
    listCounts: [with_(referenceSql.list[0], [counted, counted, user, 'todo', 'in_progress', 21])],
    get: [with_(referenceSql.get[0], [...scope, first.id])],
    create: [begin, placement, insert, follow, event, commit].map((sql, i) =>
      with_(sql, values[i] ?? []),
    ),
    stamp: referenceSql.stamp.map((sql, i) => with_(sql, stampValues[i] ?? [])),
  };
}

function send(res: ServerResponse, status: number, body: unknown) {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
  });
  res.end(text);
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return JSON.parse(Buffer.concat(chunks).toString('utf8'));
}

async function main() {
  const [kind = '', target = '', port = '', workspace = '', counted = ''] = process.argv.slice(2);
  const kinds = ['embedded', 'postgres'];
  if (!kinds.includes(kind) || !target || !/^\d+$/.test(port) || !workspace || !counted) {
    console.error(
      'usage: node scripts/bench/http/reference.ts embedded|postgres <dataDir|url> <port> <workspaceId> <countedId>',
    );
    process.exit(2);
  }
  const { raw, session: run } = await connect(kind, target);
  const replay = await statements(raw, workspace, counted);

  const server = createServer((req, res) => {
    const handle = async () => {
      if (req.url === '/list' || req.url === '/list-counts') {
        const rows = await run(req.url === '/list' ? replay.list : replay.listCounts);
        return send(res, 200, { items: rows.slice(0, 20), nextCursor: null });
      }
      if (req.url === '/get') return send(res, 200, (await run(replay.get))[0]);
      if (req.url === '/create' && req.method === 'POST') {
        await readJson(req);
        const [created] = await run(replay.create);
        await run(replay.stamp);
        return send(res, 201, created);
      }
      return send(res, 404, { error: 'not found' });
    };
    handle().catch((error: unknown) => send(res, 500, { error: String(error) }));
  });
  server.listen(Number(port), '127.0.0.1');
  const stop = () => server.close(() => process.exit(0));
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

await main();
