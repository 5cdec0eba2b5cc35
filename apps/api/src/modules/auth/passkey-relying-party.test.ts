import { describe, expect, it } from 'vitest';
import { createVerifiedUser, testPassword as password, signedIn } from '../../test/accounts.ts';
import { useTestApp } from '../../test/app.ts';
import { softwarePasskey } from '../../test/passkey-authenticator.ts';

/** Without PUBLIC_URL, as in development: the Vite server's origin is one of the web app's. */
const vite = 'http://localhost:5173';
const ctx = useTestApp({ CORS_ORIGINS: vite });

async function registerFrom(origin: string, email: string) {
  await createVerifiedUser(ctx.app, ctx.database, email);
  const me = await signedIn(ctx.app, email);
  const headers = { origin, authorization: `Bearer ${me.accessToken}` };
  const start = await ctx.app.inject({
    method: 'POST',
    url: '/api/v1/me/passkeys/registration-options',
    payload: { password },
    headers,
  });
  const { challengeId, options } = start.json();
  const key = softwarePasskey({ origin, rpId: 'localhost' });
  const created = await ctx.app.inject({
    method: 'POST',
    url: '/api/v1/me/passkeys',
    payload: { challengeId, name: 'Key', credential: key.attest(options) },
    headers,
  });
  return { options, created };
}

describe('the relying party without PUBLIC_URL', () => {
  it('is the trusted origin the request came from: localhost in development', async () => {
    const { options, created } = await registerFrom(vite, 'dev@example.com');
    expect(options.rp.id).toBe('localhost');
    expect(created.statusCode).toBe(201);
  });

  it('never follows an untrusted Origin header', async () => {
    const { options, created } = await registerFrom('http://localhost:6666', 'forged@example.com');
    expect(options.rp.id).toBe('localhost');
    expect(created.json().code).toBe('PASSKEY_REGISTRATION_INVALID');
  });
});
