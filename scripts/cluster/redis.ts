/**
 * The Redis of a test:cluster run: a `redis-server` child of this script on a free port of
 * 127.0.0.1, in memory only (no RDB, no AOF), so that a scenario can take it away and bring it
 * back on the same port — an outage the API instances must ride out — without touching the
 * machine's own Redis. It dies with the script.
 */
import { connect } from 'node:net';
import { Redis } from 'ioredis';
import {
  findProgram,
  freePort,
  type Spawned,
  spawnLogged,
  stopProcess,
  waitFor,
} from './processes.ts';

/** REDIS_SERVER_BIN, else `redis-server` on PATH, else Debian's /usr/bin/redis-server. */
export function redisServerBinary(): string | undefined {
  return findProgram('REDIS_SERVER_BIN', 'redis-server', '/usr/bin/redis-server');
}

export type RedisServer = {
  readonly port: number;
  readonly url: string;
  readonly running: boolean;
  /** Kills the server (SIGKILL: nothing saved, clients see their connections drop). */
  kill(): Promise<number>;
  /** Starts it again, empty, on the same port; resolves once it answers PING. */
  start(): Promise<void>;
  /** Stops it for good (SIGTERM). */
  stop(): Promise<number>;
  /** The keys that start with `prefix`. */
  keys(prefix: string): Promise<string[]>;
};

/** Whether a server answers PING on the port (a fresh TCP connection each time). */
function pong(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    let answer = '';
    socket.setTimeout(1_000, () => socket.destroy());
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => {
      answer += chunk;
      if (answer.includes('\r\n')) socket.end();
    });
    socket.once('error', () => resolve(false));
    socket.once('close', () => resolve(answer.startsWith('+PONG')));
    socket.write('PING\r\n');
  });
}

export async function startRedis({ logFile }: { logFile: string }): Promise<RedisServer> {
  const binary = redisServerBinary();
  if (!binary) throw new Error('redis-server is not installed (apt-get install -y redis-server)');
  const port = await freePort();
  const args = ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'];
  let current: Spawned | undefined;

  const server: RedisServer = {
    port,
    url: `redis://127.0.0.1:${port}`,
    get running() {
      return current?.alive() ?? false;
    },
    async kill() {
      if (!current) return 0;
      if (current.alive()) current.child.kill('SIGKILL');
      return current.exited;
    },
    async start() {
      const spawned = spawnLogged(binary, args, process.env, logFile);
      current = spawned;
      await waitFor(spawned, () => pong(port), {
        timeoutMs: 15_000,
        what: `redis-server answering PING on port ${port}`,
        logFile,
      });
    },
    async stop() {
      return current ? stopProcess(current, 5_000) : 0;
    },
    async keys(prefix) {
      const redis = new Redis(server.url, { lazyConnect: true, maxRetriesPerRequest: 1 });
      try {
        await redis.connect();
        const found: string[] = [];
        let cursor = '0';
        do {
          const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 500);
          found.push(...keys);
          cursor = next;
        } while (cursor !== '0');
        return found;
      } finally {
        redis.disconnect();
      }
    },
  };
  await server.start();
  return server;
}
