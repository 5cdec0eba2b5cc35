/**
 * The limit the task scenarios are compared to: plain `node:http` and the same database driver
 * (PGlite or pg), running the very statements the app runs for the same requests, with no
 * framework, no validation, no authentication and `JSON.stringify` for output.
 *   node scripts/bench/reference.ts embedded <dataDir> <port>
 *   node scripts/bench/reference.ts postgres <url> <port>
 * The statements are captured once at start, by running TaskFlow's own tasks service against a
 * recording Kysely; each request then replays them through the bare driver, on one connection
 * (a create is a transaction: the task, its follower, its outbox event).
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { CreateTaskBody, ListTasksQuery } from '@taskflow/contract';
import { type CompiledQuery, Kysely, PostgresDialect } from 'kysely';
import { PGliteDialect } from 'kysely-pglite-dialect';
import pg from 'pg';
import type { DB } from '../../apps/api/src/db/schema.ts';
import { recordTaskChanges } from '../../apps/api/src/modules/tasks/task-activity.ts';
import { createTasksRepository } from '../../apps/api/src/modules/tasks/tasks.repository.ts';
import { createTasksService } from '../../apps/api/src/modules/tasks/tasks.service.ts';
import { openPglite } from '../../apps/api/src/platform/db/pglite.ts';
import { benchUser, createBody, TASK_ID, WORKSPACE_ID } from './task-fixture.ts';

type Raw = (text: string, values: readonly unknown[]) => Promise<unknown[]>;
/** Runs statements one after the other on one connection (a transaction stays on it). */
type Session = (list: CompiledQuery[]) => Promise<unknown[]>;

/** The rows of the last statement that returned any: a create ends with its event and `commit`. */
const inSequence = async (raw: Raw, list: CompiledQuery[]) => {
  let rows: unknown[] = [];
  for (const q of list) {
    const result = await raw(q.sql, q.parameters);
    if (result.length > 0) rows = result;
  }
  return rows;
};

async function connect(kind: string, target: string) {
  if (kind === 'embedded') {
    const { pglite } = await openPglite(target);
    const raw: Raw = async (text, values) => (await pglite.query(text, [...values])).rows;
    // PGlite has one connection: a transaction must not interleave with another request's.
    let queue = Promise.resolve<unknown>(undefined);
    const session: Session = (list) => {
      const run = queue.then(() => inSequence(raw, list));
      queue = run.catch(() => undefined);
      return run;
    };
    return { dialect: new PGliteDialect(pglite), raw, session };
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
  return { dialect: new PostgresDialect({ pool }), raw, session };
}

/** The statements the app's tasks service issues for list-20, get-1 and create. */
async function capture(dialect: PGliteDialect | PostgresDialect, raw: Raw) {
  const recorded: CompiledQuery[] = [];
  const db = new Kysely<DB>({
    dialect,
    log: (event) => {
      if (event.level === 'query') recorded.push(event.query);
    },
  });
  const [user] = (await raw('select id from users where email = $1', [benchUser.email])) as {
    id: string;
  }[];
  if (!user) throw new Error('the bench fixture is missing');
  const scope = { workspaceId: WORKSPACE_ID, userId: user.id };
  const service = createTasksService({
    repo: createTasksRepository(db),
    isMember: async () => true,
    changed: async () => undefined,
    record: recordTaskChanges,
  });
  const take = async (work: () => Promise<unknown>) => {
    recorded.length = 0;
    await work();
    return [...recorded];
  };
  const query = ListTasksQuery.parse({ status: 'todo,in_progress', sort: 'due', limit: '20' });
  return {
    list: await take(() => service.list(scope, query)),
    get: await take(() => service.get(scope, TASK_ID)),
    create: await take(() => service.create(scope, CreateTaskBody.parse(createBody))),
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
  const [kind = '', target = '', port = ''] = process.argv.slice(2);
  if (!['embedded', 'postgres'].includes(kind) || !target || !/^\d+$/.test(port)) {
    console.error('usage: node scripts/bench/reference.ts embedded|postgres <dataDir|url> <port>');
    process.exit(2);
  }
  const { dialect, raw, session } = await connect(kind, target);
  const statements = await capture(dialect, raw);
  const run = session;

  const server = createServer((req, res) => {
    const handle = async () => {
      if (req.url === '/list') {
        const rows = await run(statements.list);
        return send(res, 200, { items: rows.slice(0, 20), nextCursor: null });
      }
      if (req.url === '/get') return send(res, 200, (await run(statements.get))[0]);
      if (req.url === '/create' && req.method === 'POST') {
        await readJson(req);
        return send(res, 201, (await run(statements.create))[0]);
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
