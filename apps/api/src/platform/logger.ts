import pino, { type DestinationStream, type Logger, type LoggerOptions } from 'pino';

/** Paths whose values never reach a log line, whatever the level. */
const redactedPaths = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-csrf-token"]',
  'res.headers["set-cookie"]',
  'headers.authorization',
  'headers.cookie',
  '*.password',
  '*.newPassword',
  '*.currentPassword',
  '*.token',
  '*.accessToken',
  '*.refreshToken',
  '*.secret',
  '*.challenge',
  '*.recoveryCodes',
  '*.otpauthUri',
  '*.twoFactorKey',
  'secret',
  'challenge',
  'recoveryCodes',
  '*.clientSecret',
  '*.linkToken',
  'password',
  'token',
  'databaseUrl',
  '*.databaseUrl',
];

/** The secret of a one-time setup link page (`/setup/<token>`) never reaches a request log line. */
const secretPath = /^\/setup\/[^/?#]+/;

type LoggedRequest = {
  method: string;
  url: string;
  host?: string;
  ip?: string;
  socket?: { remotePort?: number };
};

/** A personal access token anywhere in a URL (one pasted into a query string by mistake). */
const accessToken = /tf_pat_[0-9A-Za-z]*/g;

/** Query parameters that carry a secret: SSO's authorization code and state, link tokens. */
const secretQuery = /([?&](?:code|state|token|session_state)=)[^&#]*/g;

/** Fastify's request serializer, with secret path segments, tokens and query values replaced. */
const req = (request: LoggedRequest) => ({
  method: request.method,
  url: request.url
    .replace(secretPath, '/setup/[redacted]')
    .replace(accessToken, 'tf_pat_[redacted]')
    .replace(secretQuery, '$1[redacted]'),
  host: request.host,
  remoteAddress: request.ip,
  remotePort: request.socket?.remotePort,
});

function loggerOptions(level: string): LoggerOptions {
  return {
    level,
    base: { service: 'taskflow' },
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: { paths: redactedPaths, censor: '[redacted]' },
    serializers: { req },
    formatters: { level: (label) => ({ level: label }) },
  };
}

export function createLogger(level: string, destination?: DestinationStream): Logger {
  return destination ? pino(loggerOptions(level), destination) : pino(loggerOptions(level));
}
