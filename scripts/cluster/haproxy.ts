/**
 * The balancer of a local cluster: HAProxy run in the foreground (a child that dies with the
 * script) on deploy/haproxy/haproxy.cfg, the file compose mounts, with the addresses of this
 * machine's instances in its environment, and its admin socket to read and change server states.
 */
import { execFileSync } from 'node:child_process';
import { connect } from 'node:net';
import path from 'node:path';
import { findProgram, type Spawned, spawnLogged } from './processes.ts';

const haproxyConfig = path.resolve(import.meta.dirname, '../../deploy/haproxy/haproxy.cfg');
/** The backend of the API instances in haproxy.cfg. */
export const BACKEND = 'api';
/** How many instances haproxy.cfg lists through API<n>_ADDR. */
export const CONFIGURED_SERVERS = 3;

/** HAPROXY_BIN, else `haproxy` on PATH, else Debian's /usr/sbin/haproxy. */
export function haproxyBinary(): string | undefined {
  return findProgram('HAPROXY_BIN', 'haproxy', '/usr/sbin/haproxy');
}

function requireBinary(): string {
  const binary = haproxyBinary();
  if (!binary) throw new Error('HAProxy is not installed (apt-get install -y haproxy)');
  return binary;
}

type BalancerEnv = {
  /** host:port of each instance; the first three become API1_ADDR…API3_ADDR. */
  servers: string[];
  port: number;
  bind?: string;
  adminSocket: string;
};

export function balancerEnv({ servers, port, bind = '127.0.0.1', adminSocket }: BalancerEnv) {
  const env: Record<string, string> = {
    LB_PORT: String(port),
    LB_BIND: bind,
    HAPROXY_ADMIN_SOCKET: adminSocket,
  };
  servers.slice(0, CONFIGURED_SERVERS).forEach((address, i) => {
    env[`API${i + 1}_ADDR`] = address;
  });
  return env;
}

/** `haproxy -c`: throws with HAProxy's own messages when the configuration is invalid. */
export function checkConfig(env: Record<string, string>, config = haproxyConfig): string {
  try {
    return execFileSync(requireBinary(), ['-c', '-f', config], {
      env: { ...process.env, ...env },
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  } catch (error) {
    const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string };
    throw new Error(`haproxy -c failed:\n${stdout}${stderr}`);
  }
}

/** Runs HAProxy in the foreground (`-db`), its log appended to `logFile`. */
export function startBalancer(env: Record<string, string>, logFile: string): Spawned {
  return spawnLogged(
    requireBinary(),
    ['-db', '-f', haproxyConfig],
    { ...process.env, ...env },
    logFile,
  );
}

/** One command on the admin socket; resolves with HAProxy's answer. */
export function adminCommand(socket: string, command: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const connection = connect(socket);
    let answer = '';
    connection.setEncoding('utf8');
    connection.setTimeout(5_000, () => connection.destroy(new Error(`${command}: no answer`)));
    connection.on('data', (chunk: string) => {
      answer += chunk;
    });
    connection.once('error', reject);
    connection.once('close', () => resolve(answer));
    connection.end(`${command}\n`);
  });
}

type ServerStat = {
  /** UP, DOWN, MAINT, "UP 1/2" (rising), "DOWN 1/2" (falling), NOLB (draining)… */
  status: string;
  /** Requests it is carrying right now. */
  sessions: number;
};

/** Each server of the API backend as HAProxy sees it. */
export async function serverStats(socket: string): Promise<Map<string, ServerStat>> {
  const csv = await adminCommand(socket, 'show stat');
  const [header, ...rows] = csv.trim().split('\n');
  const columns = (header ?? '').replace(/^# /, '').split(',');
  const at = (name: string) => columns.indexOf(name);
  const stats = new Map<string, ServerStat>();
  for (const row of rows) {
    const cells = row.split(',');
    const [proxy, server, status] = [cells[at('pxname')], cells[at('svname')], cells[at('status')]];
    if (proxy === BACKEND && server && server !== 'BACKEND' && status) {
      stats.set(server, { status, sessions: Number(cells[at('scur')] ?? 0) });
    }
  }
  return stats;
}

/** Each server's status as HAProxy sees it. */
export async function serverStates(socket: string): Promise<Map<string, string>> {
  const stats = await serverStats(socket);
  return new Map([...stats].map(([name, stat]) => [name, stat.status]));
}

/**
 * Adds a server to the running balancer with the same checks as the configured ones (dynamic
 * servers start in maintenance, with their checks off).
 */
export async function addServer(socket: string, name: string, address: string): Promise<void> {
  const commands = [
    `add server ${BACKEND}/${name} ${address} check inter 1s fastinter 500ms downinter 1s fall 2 rise 2`,
    `enable health ${BACKEND}/${name}`,
    `enable server ${BACKEND}/${name}`,
  ];
  for (const command of commands) {
    const answer = (await adminCommand(socket, command)).trim();
    if (answer !== '' && !/^New server registered\.?$/.test(answer)) {
      throw new Error(`HAProxy refused "${command}": ${answer}`);
    }
  }
}
