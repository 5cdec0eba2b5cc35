import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { ssoProvidersOf } from './config-sso.ts';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

const bool = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');
const int = (min: number, max: number) => z.coerce.number().int().min(min).max(max);
const origin = z
  .string()
  .refine(
    (u) => URL.canParse(u) && new URL(u).origin === u.replace(/\/$/, ''),
    'must be a list of origins like https://app.example',
  );

/** A listening host as a URL names it: a wildcard is reached on localhost, IPv6 in brackets. */
function urlHost(host: string) {
  if (host === '0.0.0.0' || host === '::') return 'localhost';
  return host.includes(':') && !host.startsWith('[') ? `[${host}]` : host;
}

/** Every setting TaskFlow reads. Documented one by one in `.env.example`. */
const EnvSchema = z.object({
  // Unset means production: `npm start` and `npm run dev` set development explicitly.
  NODE_ENV: z.enum(['development', 'production', 'test']).optional(),
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
  REDIS_KEY_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9_.:-]{1,64}$/, 'must be 1–64 letters, digits or _ . : -')
    .default('taskflow:'),
  DB_POOL_MAX: int(1, 500).default(10),
  DB_POOL_MAX_WAITING: int(0, 100_000).default(200),
  DB_CONNECTION_TIMEOUT_MS: int(100, 120_000).default(2_000),
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
  TRUST_PROXY: z
    .string()
    .default('false')
    .transform(trustProxyOf)
    .refine(
      (v) => v !== null,
      'must be true, false, a hop count, or a list of IP addresses or CIDRs',
    )
    .transform((v) => v as TrustProxy),
  DRAIN_DELAY_MS: int(0, 300_000).optional(),
  REQUEST_TIMEOUT_MS: int(1_000, 600_000).default(30_000),
  HEADERS_TIMEOUT_MS: int(1_000, 120_000).default(10_000),
  SHED_LAG_MS: int(0, 60_000).default(500),
  SHUTDOWN_TIMEOUT_MS: int(100, 600_000).optional(),
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
  TWO_FACTOR_ENCRYPTION_KEY: z
    .string()
    .regex(/^[A-Za-z0-9_-]{43}$/, 'must be 32 random bytes in base64url (43 characters)')
    .optional(),
  ADD_MEMBER_RATE_LIMIT: int(1, 100_000).default(30),
  COMMENT_RATE_LIMIT: int(1, 100_000).default(30),
  ACCESS_TOKEN_RATE_LIMIT: int(1, 1_000_000).default(300),
  ACCESS_TOKEN_CREATE_RATE_LIMIT: int(1, 100_000).default(10),
  INVITE_RATE_LIMIT: int(1, 100_000).default(30),
  INVITATION_ACCEPT_RATE_LIMIT: int(1, 100_000).default(30),
  FILES_DIR: z.string().min(1).optional(),
  ATTACHMENT_MAX_BYTES: int(1_024, 1_073_741_824).default(10 * 1_048_576),
  ATTACHMENT_QUOTA_BYTES: int(0, Number.MAX_SAFE_INTEGER).default(1_073_741_824),
  ATTACHMENT_UPLOAD_RATE_LIMIT: int(1, 100_000).default(60),
  S3_BUCKET: z.string().min(3).max(63).optional(),
  S3_ENDPOINT: z.url().optional(),
  S3_PUBLIC_ENDPOINT: z.url().optional(),
  S3_REGION: z.string().min(1).max(50).default('us-east-1'),
  S3_ACCESS_KEY_ID: z.string().min(1).max(200).optional(),
  S3_SECRET_ACCESS_KEY: z.string().min(1).max(200).optional(),
  S3_FORCE_PATH_STYLE: bool.optional(),
  DEMO_SEED: bool.optional(),
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
  // Backups of the embedded database: a cron expression (UTC, five fields) and how many to keep.
  BACKUP_CRON: z
    .string()
    .trim()
    .regex(/^\S+(\s+\S+){4}$/, 'must be a cron expression of five fields, e.g. "15 3 * * *"')
    .optional(),
  BACKUP_KEEP: int(1, 1_000).default(7),
  BACKUP_DIR: z.string().min(1).optional(),
  BACKUP_S3_BUCKET: z.string().min(3).max(63).optional(),
  METRICS_TOKEN: z.string().min(16, 'must be at least 16 characters').max(200).optional(),
  // Single sign-on: provider ids; each reads OIDC_<ID>_ISSUER, _CLIENT_ID, … (config-sso.ts).
  OIDC_PROVIDERS: z.string().max(500).optional(),
});

/** A bucket on the S3-compatible service that `S3_ENDPOINT`, `S3_REGION` and the keys name. */
function bucketOf(e: z.output<typeof EnvSchema>, bucket: string) {
  return {
    bucket,
    endpoint: e.S3_ENDPOINT,
    // Where browsers reach the bucket, when that differs from where servers do.
    publicEndpoint: e.S3_PUBLIC_ENDPOINT ?? e.S3_ENDPOINT,
    region: e.S3_REGION,
    credentials:
      e.S3_ACCESS_KEY_ID && e.S3_SECRET_ACCESS_KEY
        ? { accessKeyId: e.S3_ACCESS_KEY_ID, secretAccessKey: e.S3_SECRET_ACCESS_KEY }
        : undefined,
    // Self-hosted S3-compatible servers want bucket names in the path.
    forcePathStyle: e.S3_FORCE_PATH_STYLE ?? e.S3_ENDPOINT !== undefined,
  };
}

type TrustProxy = boolean | number | string[];

/** `TRUST_PROXY`: whom to believe about the client's address (`X-Forwarded-For`). */
function trustProxyOf(value: string): TrustProxy | null {
  if (['true', '1'].includes(value)) return value === 'true' ? true : 1;
  if (['false', '0'].includes(value)) return false;
  if (/^\d{1,2}$/.test(value)) return Number(value);
  const list = value.split(',').map((v) => v.trim());
  const address = /^[0-9a-fA-F.:]+(\/\d{1,3})?$/;
  return list.every((v) => address.test(v)) ? list : null;
}

type Env = z.input<typeof EnvSchema>;

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
  const sso = ssoProvidersOf(cleaned.OIDC_PROVIDERS, cleaned);
  if (!parsed.success || sso.problems.length > 0) {
    // Values are never echoed: a bad DATABASE_URL may still hold a password.
    throw new ConfigError([
      ...(parsed.error?.issues ?? []).map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`),
      ...sso.problems,
    ]);
  }
  const e = parsed.data;
  const https = e.PUBLIC_URL?.startsWith('https://') ?? false;
  const mode = e.DATABASE_URL ? ('cluster' as const) : ('embedded' as const);
  // Production unless said otherwise: a cluster must never log a mailed token by default.
  const nodeEnv = e.NODE_ENV ?? 'production';
  // A cluster sits behind a balancer that needs a moment to see `/ready` fail; one embedded
  // process has nobody to tell.
  const drainDelayMs = e.DRAIN_DELAY_MS ?? (mode === 'cluster' ? 5_000 : 0);
  return {
    env: nodeEnv,
    mode,
    http: {
      host: e.HOST,
      port: e.PORT,
      publicUrl: e.PUBLIC_URL,
      https,
      corsOrigins: e.CORS_ORIGINS,
      bodyLimit: e.BODY_LIMIT_BYTES,
      trustProxy: e.TRUST_PROXY,
      drainDelayMs,
      requestTimeoutMs: e.REQUEST_TIMEOUT_MS,
      headersTimeoutMs: Math.min(e.HEADERS_TIMEOUT_MS, e.REQUEST_TIMEOUT_MS),
      /** Event-loop lag past which API requests are shed with 503; 0: never. */
      shedLagMs: e.SHED_LAG_MS,
      // Drain, then in-flight requests (each bounded by the request timeout), then the rest.
      shutdownTimeoutMs: e.SHUTDOWN_TIMEOUT_MS ?? drainDelayMs + 20_000,
      rateLimit: { max: e.RATE_LIMIT_MAX, windowMs: e.RATE_LIMIT_WINDOW_MS },
    },
    db: {
      dataDir: path.resolve(e.DATA_DIR),
      url: e.DATABASE_URL,
      poolMax: e.DB_POOL_MAX,
      poolMaxWaiting: e.DB_POOL_MAX_WAITING,
      connectionTimeoutMs: e.DB_CONNECTION_TIMEOUT_MS,
      idleTimeoutMs: e.DB_IDLE_TIMEOUT_MS,
      statementTimeoutMs: e.DB_STATEMENT_TIMEOUT_MS,
    },
    redis: { url: e.REDIS_URL, keyPrefix: e.REDIS_KEY_PREFIX },
    log: { level: e.LOG_LEVEL },
    mail: { smtpUrl: e.SMTP_URL, from: e.MAIL_FROM },
    auth: {
      accessTtlSeconds: e.ACCESS_TOKEN_TTL_SECONDS,
      idleTimeoutSeconds: e.SESSION_IDLE_TIMEOUT_SECONDS,
      absoluteLifetimeSeconds: e.SESSION_MAX_LIFETIME_SECONDS,
      verifyEmailTtlSeconds: 48 * 3_600,
      resetPasswordTtlSeconds: 30 * 60,
      // Without PUBLIC_URL, a request's trusted origin takes over in mails (link-origin.ts);
      // this is for links made outside any request, on the host the server listens on.
      appUrl: (e.PUBLIC_URL ?? `http://${urlHost(e.HOST)}:${e.PORT}`).replace(/\/$/, ''),
      // Secure cookies (and the __Secure- prefix) whenever TaskFlow is served over HTTPS.
      secureCookies: e.COOKIE_SECURE ?? https,
      // Sign-in, registration and mailed links: per client IP and per account (email). Fixed
      // windows, so an attacker can delay a victim's sign-in for one window at most.
      rateLimits: {
        perIp: e.AUTH_IP_RATE_LIMIT,
        perAccount: e.AUTH_ACCOUNT_RATE_LIMIT,
        windowMs: e.AUTH_RATE_LIMIT_WINDOW_SECONDS * 1000,
        accessTokens: {
          // Requests per personal access token per minute, besides the per-address limit.
          use: { max: e.ACCESS_TOKEN_RATE_LIMIT, windowMs: 60_000 },
          // Tokens a user may create per hour.
          create: { max: e.ACCESS_TOKEN_CREATE_RATE_LIMIT, windowMs: 3_600_000 },
        },
      },
      /** Seals TOTP secrets at rest (AES-256-GCM); without it they are stored as they are. */
      twoFactorKey: e.TWO_FACTOR_ENCRYPTION_KEY,
    },
    web: { distDir: path.resolve(e.WEB_DIST_DIR) },
    /** OpenID Connect providers users may sign in with (none: no SSO buttons). */
    sso: { providers: sso.providers },
    /** Embedded mode only: fill a new, empty database with a demo workspace on first start. */
    // (By default only in development: a production server gets no account with a logged password.)
    demoSeed: (e.DEMO_SEED ?? nodeEnv === 'development') && !e.DATABASE_URL,
    workspaces: {
      // Adding a member by email tells whether the address has an account: bounded per user.
      addMemberLimit: { max: e.ADD_MEMBER_RATE_LIMIT, windowMs: 15 * 60_000 },
    },
    invitations: {
      // Invitations (each mails or mints a link) an owner may create per 15 minutes.
      createLimit: { max: e.INVITE_RATE_LIMIT, windowMs: 15 * 60_000 },
      // Invitations looked at or accepted per user, and per IP, per 15 minutes (tokens are not
      // guessable; this bounds trying).
      acceptLimit: { max: e.INVITATION_ACCEPT_RATE_LIMIT, windowMs: 15 * 60_000 },
    },
    comments: {
      // New, edited and deleted comments per member per minute.
      writeLimit: { max: e.COMMENT_RATE_LIMIT, windowMs: 60_000 },
    },
    files: {
      // Attachments' bytes: this directory, unless an S3 bucket is configured.
      dir: path.resolve(e.FILES_DIR ?? path.join(e.DATA_DIR, 'files')),
      maxBytes: e.ATTACHMENT_MAX_BYTES,
      quotaBytes: e.ATTACHMENT_QUOTA_BYTES,
      // Uploads (multipart, direct tickets and their completion) per member per minute.
      uploadLimit: { max: e.ATTACHMENT_UPLOAD_RATE_LIMIT, windowMs: 60_000 },
      s3: e.S3_BUCKET ? bucketOf(e, e.S3_BUCKET) : undefined,
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
    backups: {
      cron: e.BACKUP_CRON,
      keep: e.BACKUP_KEEP,
      dir: path.resolve(e.BACKUP_DIR ?? path.join(e.DATA_DIR, 'backups')),
      // Each new backup is also copied here (same endpoint and credentials as S3_*).
      s3: e.BACKUP_S3_BUCKET ? bucketOf(e, e.BACKUP_S3_BUCKET) : undefined,
    },
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

/**
 * What a serving process (`serve`, `worker`) needs beyond a valid environment: in a production
 * cluster, the public URL that mailed links point to (never a guess such as localhost).
 */
export function assertServable(config: Config) {
  if (config.mode === 'cluster' && config.env === 'production' && !config.http.publicUrl) {
    throw new ConfigError(['PUBLIC_URL: required in cluster mode (mailed links point to it)']);
  }
}
