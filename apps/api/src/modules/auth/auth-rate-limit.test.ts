import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../test/app.ts';

const ctx = useTestApp(
  { AUTH_IP_RATE_LIMIT: '5', AUTH_ACCOUNT_RATE_LIMIT: '3', AUTH_RATE_LIMIT_WINDOW_SECONDS: '600' },
  { limits: 'real' },
);

const signIn = (email: string, ip: string) =>
  ctx.app.inject({
    method: 'POST',
    url: '/api/v1/auth/sign-in',
    payload: { email, password: 'wrong password' },
    remoteAddress: ip,
  });

describe('rate limits on sign-in', () => {
  it('per account: past the limit, 429 problem+json with Retry-After no longer than the window', async () => {
    const statuses = [];
    for (const ip of ['10.0.0.1', '10.0.0.2', '10.0.0.3', '10.0.0.4']) {
      statuses.push((await signIn('victim@example.com', ip)).statusCode);
    }
    expect(statuses).toEqual([401, 401, 401, 429]);
    const limited = await signIn('VICTIM@example.com', '10.0.0.5');
    expect(limited.statusCode).toBe(429);
    expect(limited.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(limited.json().code).toBe('RATE_LIMITED');
    const retryAfter = Number(limited.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(600);
    // Other accounts are not affected.
    expect((await signIn('someone-else@example.com', '10.0.0.6')).statusCode).toBe(401);
  });

  it('per IP: one address cannot spray many accounts; other addresses still can sign in', async () => {
    const statuses = [];
    for (let i = 0; i < 6; i++)
      statuses.push((await signIn(`user${i}@example.com`, '10.9.9.9')).statusCode);
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
    expect((await signIn('user0@example.com', '10.8.8.8')).statusCode).toBe(401);
  });
});
