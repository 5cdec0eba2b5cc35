import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

const bool = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');
const int = (min: number, max: number) => z.coerce.number().int().min(min).max(max);
const origin = z
  .string()
  .refine(
    (u) => URL.canParse(u) && new URL(u).origin === u.replace(/\/$/, ''),
    'must be a list of origins like https://app.example',
  );

/** Every setting TaskFlow reads. Documented one by one in `.env.example`. */
const EnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HOST: z.string().min(1).default('localhost'),
  PORT: int(0, 65535).default(3000),
  PUBLIC_URL: z.url().optional(),
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .url()
    .refine((u) => /^postgres(ql)?:\/\//.test(u), 'must be a postgres:// URL')
    .optional(),
  REDIS_URL: z
    .url()
    .refine((u) => /^rediss?:\/\//.test(u), 'must be a redis:// or rediss:// URL')
    .optional(),
  DB_POOL_MAX: int(1, 500).default(10),
  DB_CONNECTION_TIMEOUT_MS: int(100, 120_000).default(5_000),
  DB_IDLE_TIMEOUT_MS: int(100, 3_600_000).default(30_000),
  DB_STATEMENT_TIMEOUT_MS: int(100, 3_600_000).default(15_000),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  CORS_ORIGINS: z
    .string()
    .default('')
    .transform((s) =>
      s
        .split(',')
        .map((o) => o.trim())
        .filter(Boolean),
    )
    .pipe(z.array(origin)),
  BODY_LIMIT_BYTES: int(1_024, 100 * 1_024 * 1_024).default(1_048_576),
  RATE_LIMIT_MAX: int(1, 1_000_000).default(300),
  RATE_LIMIT_WINDOW_MS: int(1_000, 86_400_000).default(60_000),
  TRUST_PROXY: bool.default(false),
  SHUTDOWN_TIMEOUT_MS: int(100, 600_000).default(10_000),
  WEB_DIST_DIR: z.string().min(1).default(path.join(repoRoot, 'apps/web/dist')),
  ACCESS_TOKEN_TTL_SECONDS: int(60, 3_600).default(900),
  SESSION_IDLE_TIMEOUT_SECONDS: int(300, 90 * 86_400).default(7 * 86_400),
  SESSION_MAX_LIFETIME_SECONDS: int(3_600, 365 * 86_400).default(30 * 86_400),
  COOKIE_SECURE: bool.optional(),
  SMTP_URL: z
    .url()
    .refine((u) => /^smtps?:\/\//.test(u), 'must be an smtp:// or smtps:// URL')
    .optional(),
  MAIL_FROM: z.string().min(3).max(200).default('TaskFlow <no-reply@localhost>'),
  AUTH_IP_RATE_LIMIT: int(1, 100_000).default(30),
  AUTH_ACCOUNT_RATE_LIMIT: int(1, 10_000).default(10),
  AUTH_RATE_LIMIT_WINDOW_SECONDS: int(10, 86_400).default(900),
  ADD_MEMBER_RATE_LIMIT: int(1, 100_000).default(30),
  DEMO_SEED: bool.default(true),
  SSE_MAX_STREAMS_PER_USER: int(1, 1_000).default(10),
  SSE_HEARTBEAT_SECONDS: int(1, 300).default(15),
  SSE_RETRY_MS: int(100, 60_000).default(2_000),
  EVENT_RETENTION_DAYS: int(1, 365).default(7),
  JOBS_IN_PROCESS: bool.optional(),
  JOB_HEARTBEAT_SECONDS: int(10, 3_600).default(30),
  JOB_EXPIRE_SECONDS: int(30, 86_400).default(900),
  JOB_POLL_SECONDS: int(1, 300).default(5),
  JOB_SUPERVISE_SECONDS: int(1, 3_600).default(60),
  JOB_RETENTION_DAYS: int(1, 365).default(7),
  EXPORTS_PER_HOUR: int(1, 1_000).default(10),
  METRICS_TOKEN: z.string().min(16, 'must be at least 16 characters').max(200).optional(),
});

export type Env = z.input<typeof EnvSchema>;

/** The names of every variable TaskFlow reads. */
export const envNames = Object.keys(EnvSchema.shape) as (keyof Env)[];

export class ConfigError extends Error {
  readonly problems: string[];
  constructor(problems: string[]) {
    super(`Invalid environment:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
    this.problems = problems;
  }
}

export function loadConfig(env: Record<string, string | undefined>) {
  // Empty strings mean "not set", as in most .env tooling.
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== ''));
  const parsed = EnvSchema.safeParse(cleaned);
  if (!parsed.success) {
    // Values are never echoed: a bad DATABASE_URL may still hold a password.
    throw new ConfigError(
      parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`),
    );
  }
  const e = parsed.data;
  const https = e.PUBLIC_URL?.startsWith('https://') ?? false;
  return {
    env: e.NODE_ENV,
    mode: e.DATABASE_URL ? ('cluster' as const) : ('embedded' as const),
    http: {
      host: e.HOST,
      port: e.PORT,
      publicUrl: e.PUBLIC_URL,
      https,
      corsOrigins: e.CORS_ORIGINS,
      bodyLimit: e.BODY_LIMIT_BYTES,
      trustProxy: e.TRUST_PROXY,
      shutdownTimeoutMs: e.SHUTDOWN_TIMEOUT_MS,
      rateLimit: { max: e.RATE_LIMIT_MAX, windowMs: e.RATE_LIMIT_WINDOW_MS },
    },
    db: {
      dataDir: path.resolve(e.DATA_DIR),
      url: e.DATABASE_URL,
      poolMax: e.DB_POOL_MAX,
      connectionTimeoutMs: e.DB_CONNECTION_TIMEOUT_MS,
      idleTimeoutMs: e.DB_IDLE_TIMEOUT_MS,
      statementTimeoutMs: e.DB_STATEMENT_TIMEOUT_MS,
    },
    redis: { url: e.REDIS_URL },
    log: { level: e.LOG_LEVEL },
    mail: { smtpUrl: e.SMTP_URL, from: e.MAIL_FROM },
    auth: {
      accessTtlSeconds: e.ACCESS_TOKEN_TTL_SECONDS,
      idleTimeoutSeconds: e.SESSION_IDLE_TIMEOUT_SECONDS,
      absoluteLifetimeSeconds: e.SESSION_MAX_LIFETIME_SECONDS,
      verifyEmailTtlSeconds: 48 * 3_600,
      resetPasswordTtlSeconds: 30 * 60,
      appUrl: (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, ''),
      // Secure cookies (and the __Secure- prefix) whenever TaskFlow is served over HTTPS.
      secureCookies: e.COOKIE_SECURE ?? https,
      // Sign-in, registration and mailed links: per client IP and per account (email). Fixed
      // windows, so an attacker can delay a victim's sign-in for one window at most.
      rateLimits: {
        perIp: e.AUTH_IP_RATE_LIMIT,
        perAccount: e.AUTH_ACCOUNT_RATE_LIMIT,
        windowMs: e.AUTH_RATE_LIMIT_WINDOW_SECONDS * 1000,
      },
    },
    web: { distDir: path.resolve(e.WEB_DIST_DIR) },
    /** Embedded mode only: fill a new, empty database with a demo workspace on first start. */
    demoSeed: e.DEMO_SEED && !e.DATABASE_URL,
    workspaces: {
      // Adding a member by email tells whether the address has an account: bounded per user.
      addMemberLimit: { max: e.ADD_MEMBER_RATE_LIMIT, windowMs: 15 * 60_000 },
    },
    jobs: {
      // Embedded mode runs its jobs in the server process; a cluster runs `taskflow worker`s.
      inProcess: e.JOBS_IN_PROCESS ?? !e.DATABASE_URL,
      heartbeatSeconds: e.JOB_HEARTBEAT_SECONDS,
      expireSeconds: e.JOB_EXPIRE_SECONDS,
      pollSeconds: e.JOB_POLL_SECONDS,
      superviseSeconds: e.JOB_SUPERVISE_SECONDS,
      retentionMs: e.JOB_RETENTION_DAYS * 86_400_000,
    },
    exports: { perHour: e.EXPORTS_PER_HOUR },
    metrics: { token: e.METRICS_TOKEN },
    events: {
      maxStreamsPerUser: e.SSE_MAX_STREAMS_PER_USER,
      heartbeatMs: e.SSE_HEARTBEAT_SECONDS * 1000,
      retryMs: e.SSE_RETRY_MS,
      retentionMs: e.EVENT_RETENTION_DAYS * 86_400_000,
      // A notification lost with a dropped LISTEN connection is made up for within this time.
      pollMs: 5_000,
      // A client this far behind is dropped; it reconnects and replays from where it was.
      maxBufferBytes: 1_048_576,
    },
  };
}

export type Config = ReturnType<typeof loadConfig>;
