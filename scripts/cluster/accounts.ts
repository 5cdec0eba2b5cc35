/**
 * The users of a load run, made as a person would through the balancer: register, follow the
 * verification link (read from the mail outbox, where mail goes without SMTP_URL), sign in, and
 * find the personal workspace. Run before any fault is injected, so every step must succeed.
 */

import { setTimeout as sleep } from 'node:timers/promises';
import { CSRF_HEADER } from '@taskflow/contract';
import pg from 'pg';

export type LoadClient = {
  index: number;
  email: string;
  password: string;
  token: string;
  workspaceId: string;
};

type SignUpOptions = {
  baseUrl: string;
  /** The cluster's database, whose mail outbox holds the verification links. */
  databaseUrl: string;
  /** How many (50). */
  clients?: number;
  /** Makes the addresses unique to this run. */
  label: string;
  /** What the users are for: starts their addresses ("load"). */
  role?: string;
  timeoutMs?: number;
};

const VERIFY_SUBJECT = 'Verify your TaskFlow email address';

/** A JSON call that must answer `expected`; a network error or 5xx is tried again a few times. */
export async function call<T>(
  baseUrl: string,
  method: string,
  path: string,
  expected: number,
  options: { body?: unknown; token?: string } = {},
): Promise<T> {
  const headers: Record<string, string> = {
    // What the web app sends; required by the cookie-authenticated auth routes, harmless elsewhere.
    origin: baseUrl,
    [CSRF_HEADER]: '1',
  };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  let last = '';
  for (let attempt = 0; attempt < 5; attempt++) {
    try {
      const response = await fetch(`${baseUrl}${path}`, {
        method,
        headers,
        body: options.body === undefined ? null : JSON.stringify(options.body),
        signal: AbortSignal.timeout(30_000),
      });
      const text = await response.text();
      if (response.status === expected) return (text ? JSON.parse(text) : undefined) as T;
      last = `${response.status} ${text.slice(0, 300)}`;
      if (response.status < 500) break;
    } catch (error) {
      last = (error as Error).message;
    }
    await sleep(200 * 2 ** attempt);
  }
  throw new Error(`${method} ${path}: expected ${expected}, got ${last}`);
}

/** Polls the outbox until the verification mail to `email` is there; returns its token. */
async function verificationToken(pool: pg.Pool, email: string, deadline: number): Promise<string> {
  while (Date.now() < deadline) {
    const { rows } = await pool.query<{ text_body: string }>(
      'select text_body from mail_outbox where to_address = $1 and subject = $2 order by created_at desc limit 1',
      [email, VERIFY_SUBJECT],
    );
    const token = rows[0]?.text_body.match(/verify-email\?token=([A-Za-z0-9_-]+)/)?.[1];
    if (token) return token;
    await sleep(100);
  }
  throw new Error(`no verification mail reached the outbox for ${email}`);
}

async function signUp(
  { baseUrl, label, role = 'load' }: SignUpOptions,
  pool: pg.Pool,
  index: number,
  deadline: number,
): Promise<LoadClient> {
  const email = `${role}-${label}-${index}@cluster.test`;
  const password = `cluster ${role} ${label} passphrase ${index}`;
  await call(baseUrl, 'POST', '/api/v1/auth/register', 202, {
    body: { email, name: `${role} client ${index}`, password },
  });
  const token = await verificationToken(pool, email, deadline);
  await call(baseUrl, 'POST', '/api/v1/auth/verify-email', 200, { body: { token } });
  const session = await call<{ accessToken: string }>(
    baseUrl,
    'POST',
    '/api/v1/auth/sign-in',
    200,
    {
      body: { email, password },
    },
  );
  const { items } = await call<{ items: { id: string; personal: boolean }[] }>(
    baseUrl,
    'GET',
    '/api/v1/workspaces',
    200,
    { token: session.accessToken },
  );
  const personal = items.find((workspace) => workspace.personal);
  if (!personal) throw new Error(`${email} has no personal workspace`);
  return { index, email, password, token: session.accessToken, workspaceId: personal.id };
}

/** `clients` new users, signed in, each with its personal workspace. */
export async function signUpClients(options: SignUpOptions): Promise<LoadClient[]> {
  const deadline = Date.now() + (options.timeoutMs ?? 120_000);
  const pool = new pg.Pool({ connectionString: options.databaseUrl, max: 2 });
  try {
    return await Promise.all(
      Array.from({ length: options.clients ?? 50 }, (_, i) =>
        signUp(options, pool, i + 1, deadline),
      ),
    );
  } finally {
    await pool.end();
  }
}

/**
 * `clients` accounts of a scenario's own, signed up through the cluster's balancer; their
 * addresses carry the run's id and start with `role`.
 */
export function scenarioAccounts(
  cluster: { lbUrl: string; databaseUrl: string },
  runId: string,
  role: string,
  clients = 1,
): Promise<LoadClient[]> {
  return signUpClients({
    baseUrl: cluster.lbUrl,
    databaseUrl: cluster.databaseUrl,
    clients,
    label: runId,
    role,
  });
}
