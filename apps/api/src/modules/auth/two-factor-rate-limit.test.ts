import { generate } from 'otplib';
import { describe, expect, it } from 'vitest';
import { createVerifiedUser, testPassword as password, signedIn } from '../../test/accounts.ts';
import { useTestApp } from '../../test/app.ts';

const ctx = useTestApp({ AUTH_IP_RATE_LIMIT: '12', AUTH_ACCOUNT_RATE_LIMIT: '10' });

let ip = 0;
/** A request from a new address each time, unless one is given. */
const post = (url: string, payload: object, headers: Record<string, string> = {}, from?: string) =>
  ctx.app.inject({
    method: 'POST',
    url,
    payload,
    headers,
    remoteAddress: from ?? `10.1.${Math.floor(++ip / 250)}.${ip % 250}`,
  });

/** Enrols (two code attempts of the account's allowance): the user's email. */
async function enrolled(name: string) {
  const email = `${name}@example.com`;
  await createVerifiedUser(ctx.app, ctx.database, email);
  const { accessToken } = await signedIn(ctx.app, email);
  const auth = { authorization: `Bearer ${accessToken}` };
  const { secret } = (await post('/api/v1/me/two-factor/enrol', { password }, auth)).json();
  const code = await generate({ secret });
  expect((await post('/api/v1/me/two-factor/confirm', { code }, auth)).statusCode).toBe(200);
  return email;
}

/** Sends wrong codes for `email`, with a new challenge whenever the last one died. */
function guesser(email: string) {
  let challenge = '';
  let failures = 0;
  return async (from?: string) => {
    if (!challenge || failures === 5) {
      const res = await post('/api/v1/auth/sign-in', { email, password });
      challenge = res.json().challenge;
      failures = 0;
    }
    const res = await post(
      '/api/v1/auth/sign-in/two-factor',
      { challenge, code: '000000' },
      {},
      from,
    );
    if (res.statusCode === 401) failures++;
    return res;
  };
}

describe('rate limits on two-factor codes', () => {
  it('per account, across challenges and addresses: 429 with Retry-After', async () => {
    const guess = guesser(await enrolled('target'));
    const statuses = [];
    for (let i = 0; i < 9; i++) statuses.push((await guess()).statusCode);
    expect(statuses).toEqual([401, 401, 401, 401, 401, 401, 401, 401, 429]);
    const limited = await guess();
    expect(limited.statusCode).toBe(429);
    expect(limited.json().code).toBe('RATE_LIMITED');
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('per address, across accounts; other addresses still reach the accounts', async () => {
    const first = guesser(await enrolled('first'));
    const second = guesser(await enrolled('second'));
    const statuses = [];
    for (let i = 0; i < 13; i++) {
      statuses.push((await (i % 2 ? first : second)('10.9.9.9')).statusCode);
    }
    expect(statuses).toEqual([...Array(12).fill(401), 429]);
    expect((await first('10.8.8.8')).statusCode).toBe(401);
  });
});
