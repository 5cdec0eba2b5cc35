import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp } from '../../test/app.ts';
import { createTestDatabase } from '../../test/database.ts';
import type { Database } from '../db/database.ts';

let database: Database;

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database.close();
});

describe('request ids', () => {
  it('keeps a valid incoming X-Request-Id and puts it on every log line of the request', async () => {
    const { app, logs } = await buildTestApp(database);
    const res = await app.inject({ url: '/api/v1/meta', headers: { 'x-request-id': 'abc-123.x' } });
    expect(res.headers['x-request-id']).toBe('abc-123.x');
    const lines = logs.lines.filter((l) => 'req' in l || 'res' in l);
    expect(lines.length).toBeGreaterThanOrEqual(2);
    for (const line of lines) expect(line.requestId).toBe('abc-123.x');
    await app.close();
  });

  it('replaces an invalid one (log injection, too long) with a fresh id', async () => {
    const { app } = await buildTestApp(database);
    for (const bad of ['a b\nc', 'x'.repeat(129), '<script>']) {
      const res = await app.inject({ url: '/api/v1/meta', headers: { 'x-request-id': bad } });
      expect(res.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    }
    await app.close();
  });
});

describe('logs', () => {
  it('redact secrets, tokens, passwords and cookies', async () => {
    const { app, logs } = await buildTestApp(database);
    app.post('/api/v1/test/log', async (request) => {
      request.log.info({ headers: request.headers, body: request.body }, 'echo');
      request.log.info({ password: 'pw-value-1', token: 'tok-value-2' }, 'top level');
      return { ok: true };
    });
    await app.inject({
      method: 'POST',
      url: '/api/v1/test/log',
      headers: { authorization: 'Bearer tok-value-3', cookie: 'taskflow_refresh=tok-value-4' },
      payload: { password: 'pw-value-5', refreshToken: 'tok-value-6' },
    });
    const all = logs.raw.join('\n');
    expect(all).toContain('[redacted]');
    expect(all).not.toMatch(/pw-value|tok-value/);
    await app.close();
  });
});

describe('security headers and CORS', () => {
  it('sends CSP, nosniff, frame and referrer policies; no HSTS over plain HTTP', async () => {
    const { app } = await buildTestApp(database);
    const res = await app.inject({ url: '/api/v1/meta' });
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
    expect(res.headers['strict-transport-security']).toBeUndefined();
    await app.close();
  });

  it('sends HSTS when served over HTTPS', async () => {
    const { app } = await buildTestApp(database, { PUBLIC_URL: 'https://tasks.example' });
    const res = await app.inject({ url: '/api/v1/meta' });
    expect(res.headers['strict-transport-security']).toContain('max-age=31536000');
    await app.close();
  });

  it('allows only the configured origins', async () => {
    const { app } = await buildTestApp(database, { CORS_ORIGINS: 'https://app.example' });
    const allowed = await app.inject({
      url: '/api/v1/meta',
      headers: { origin: 'https://app.example' },
    });
    expect(allowed.headers['access-control-allow-origin']).toBe('https://app.example');
    const foreign = await app.inject({
      url: '/api/v1/meta',
      headers: { origin: 'https://evil.example' },
    });
    expect(foreign.headers['access-control-allow-origin']).toBeUndefined();
    await app.close();
  });
});

describe('rate limiting', () => {
  it('answers 429 problem+json with Retry-After past the limit; health is exempt', async () => {
    const { app } = await buildTestApp(
      database,
      { RATE_LIMIT_MAX: '3', RATE_LIMIT_WINDOW_MS: '60000' },
      { limits: 'real' },
    );
    const statuses = [];
    for (let i = 0; i < 4; i++)
      statuses.push((await app.inject({ url: '/api/v1/meta' })).statusCode);
    expect(statuses).toEqual([200, 200, 200, 429]);
    const limited = await app.inject({ url: '/api/v1/meta' });
    expect(limited.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(limited.json()).toMatchObject({ status: 429, code: 'RATE_LIMITED' });
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect(Number(limited.headers['retry-after'])).toBeLessThanOrEqual(60);
    for (let i = 0; i < 5; i++) expect((await app.inject({ url: '/health' })).statusCode).toBe(200);
    await app.close();
  });
});
