import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../test/app.ts';

const ctx = useTestApp({ PUBLIC_URL: 'http://localhost:5173', AUTH_IP_RATE_LIMIT: '5' });

const post = (url: string, payload: object, from: string) =>
  ctx.app.inject({ method: 'POST', url, payload, remoteAddress: from });

describe('the public passkey routes are rate-limited like sign-in', () => {
  it('answers 429 with Retry-After past the per-address limit, for that address only', async () => {
    const answers = [];
    for (let i = 0; i < 6; i++) {
      answers.push((await post('/api/v1/auth/passkey/options', {}, '10.9.0.1')).statusCode);
    }
    expect(answers).toEqual([200, 200, 200, 200, 200, 429]);
    const refused = await post('/api/v1/auth/passkey/options', {}, '10.9.0.1');
    expect(refused.json().code).toBe('RATE_LIMITED');
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect((await post('/api/v1/auth/passkey/options', {}, '10.9.0.2')).statusCode).toBe(200);
  });

  it('counts sign-in attempts with a passkey too', async () => {
    const body = { challengeId: crypto.randomUUID(), credential: {} };
    const statuses = [];
    for (let i = 0; i < 6; i++) {
      statuses.push((await post('/api/v1/auth/passkey/sign-in', body, '10.9.0.3')).statusCode);
    }
    expect(statuses.at(-1)).toBe(429);
  });
});
