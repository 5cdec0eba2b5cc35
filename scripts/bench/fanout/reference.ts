/**
 * The reference of the fan-out scenarios: `node scripts/bench/fanout/reference.ts <port>`. Bare
 * node:http, no database, no auth: `GET /api/v1/events` answers `retry` and `ready` and stays open;
 * `POST /api/v1/workspaces/<id>/tasks` writes one `task.created` frame, as large as the app's, to
 * every open stream with `res.write` (as the app does), then answers 201. Its latencies are the
 * floor of any single-process server fanning out to these streams on this machine.
 */
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import { CreateTaskBody, type Task } from '@taskflow/contract';

/** A server-sent event, framed as the app frames it. */
const message = (id: string, type: string, data: unknown) =>
  `id: ${id}\nevent: ${type}\ndata: ${JSON.stringify(data)}\n\n`;

const streams = new Set<http.ServerResponse>();
let lastId = 0;

function subscribe(res: http.ServerResponse) {
  res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8' });
  res.write('retry: 2000\n\n');
  res.write(message(String(lastId), 'ready', { id: String(lastId), type: 'ready' }));
  streams.add(res);
  res.once('close', () => streams.delete(res));
}

function taskFrame(workspaceId: string, title: string): { task: Task; frame: string } {
  const now = new Date().toISOString();
  const task: Task = {
    ...CreateTaskBody.parse({ title }),
    id: randomUUID(),
    workspaceId,
    position: 'a0',
    version: 1,
    createdBy: randomUUID(),
    createdAt: now,
    updatedAt: now,
    completedAt: null,
  };
  const id = String(++lastId);
  const event = { id, type: 'task.created', workspaceId, actorId: task.createdBy, createdAt: now };
  return { task, frame: message(id, 'task.created', { ...event, data: { task } }) };
}

function create(req: http.IncomingMessage, res: http.ServerResponse, workspaceId: string) {
  let body = '';
  req.setEncoding('utf8');
  req.on('data', (chunk: string) => {
    body += chunk;
  });
  req.on('end', () => {
    const { title } = JSON.parse(body) as { title: string };
    const { task, frame } = taskFrame(workspaceId, title);
    for (const stream of streams) stream.write(frame);
    res.writeHead(201, { 'content-type': 'application/json' });
    res.end(JSON.stringify(task));
  });
}

const tasksPath = /^\/api\/v1\/workspaces\/([0-9a-f-]{36})\/tasks$/;

async function main() {
  const port = Number(process.argv[2]);
  if (!Number.isInteger(port) || port <= 0) {
    console.error('usage: node scripts/bench/fanout/reference.ts <port>');
    process.exit(2);
  }
  const server = http.createServer((req, res) => {
    const workspaceId = tasksPath.exec(req.url ?? '')?.[1];
    if (req.method === 'GET' && req.url === '/api/v1/events') subscribe(res);
    else if (req.method === 'POST' && workspaceId) create(req, res, workspaceId);
    else if (req.method === 'GET' && req.url === '/ready') res.end('ok');
    else res.writeHead(404).end();
  });
  server.listen(port, '127.0.0.1');
  const stop = () => {
    server.closeAllConnections();
    server.close(() => process.exit(0));
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

if (import.meta.main) await main();
