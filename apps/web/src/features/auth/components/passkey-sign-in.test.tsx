import { fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse, stubFetch } from '../../../test/fetch.ts';
import { problemBody } from '../../../test/problem.ts';
import { renderPage } from '../../../test/render.tsx';
import { testSession as session } from '../../../test/session.ts';
import { sessionStore } from '../session/session-store.ts';
import { SignInForm } from './sign-in-form.tsx';

const browserPasskey = vi.hoisted(() => ({ sign: vi.fn() }));
vi.mock('../../../lib/webauthn.ts', async (actual) => ({
  ...(await actual<typeof import('../../../lib/webauthn.ts')>()),
  signWithPasskey: browserPasskey.sign,
}));

const challengeId = '9a1f3c2e-1b2d-4e5f-8a9b-0c1d2e3f4a5b';
const options = { challengeId, options: { challenge: 'xyz', rpId: 'localhost' } };
const credential = { id: 'abc', rawId: 'abc', type: 'public-key', response: {} };

/** Answers by path; records each request's path and body. */
function stubApi(answers: Record<string, () => Response>) {
  const sent: { url: string; body: unknown }[] = [];
  stubFetch(async (request) => {
    const url = new URL(request.url).pathname;
    sent.push({ url, body: await request.json() });
    return answers[url]?.() ?? jsonResponse({}, { status: 404 });
  });
  return sent;
}

async function passwordStep(onSignedIn = vi.fn()) {
  renderPage(() => <SignInForm onSignedIn={onSignedIn} />);
  fireEvent.change(await screen.findByLabelText('Email'), {
    target: { value: 'ada@example.test' },
  });
  fireEvent.change(screen.getByLabelText('Password'), { target: { value: 'correct horse' } });
  fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
  return onSignedIn;
}

afterEach(() => {
  sessionStore.signedOut();
  browserPasskey.sign.mockReset();
});

describe('signing in with a passkey', () => {
  it('signs in with a passkey alone: no email, no password', async () => {
    browserPasskey.sign.mockResolvedValue(credential);
    const sent = stubApi({
      '/api/v1/auth/passkey/options': () => jsonResponse(options),
      '/api/v1/auth/passkey/sign-in': () => jsonResponse(session),
    });
    const onSignedIn = vi.fn();
    renderPage(() => <SignInForm onSignedIn={onSignedIn} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Sign in with a passkey' }));
    await waitFor(() => expect(onSignedIn).toHaveBeenCalled());
    expect(sessionStore.getAccessToken()).toBe('secret-token');
    expect(browserPasskey.sign).toHaveBeenCalledWith(options.options);
    expect(sent.at(-1)).toEqual({
      url: '/api/v1/auth/passkey/sign-in',
      body: { challengeId, credential },
    });
  });

  it('shows why a passkey was refused', async () => {
    browserPasskey.sign.mockResolvedValue(credential);
    stubApi({
      '/api/v1/auth/passkey/options': () => jsonResponse(options),
      '/api/v1/auth/passkey/sign-in': () =>
        jsonResponse(problemBody(401, 'PASSKEY_INVALID', 'The passkey could not be verified'), {
          status: 401,
        }),
    });
    renderPage(() => <SignInForm onSignedIn={vi.fn()} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Sign in with a passkey' }));
    expect((await screen.findByTestId('passkey-sign-in-error')).textContent).toMatch(
      /could not be verified/,
    );
    expect(sessionStore.getAccessToken()).toBeNull();
  });

  it('offers a passkey at the code step when the account has one', async () => {
    browserPasskey.sign.mockResolvedValue(credential);
    const challenge = { twoFactorRequired: true, challenge: 'c'.repeat(43), expiresIn: 300 };
    const sent = stubApi({
      '/api/v1/auth/sign-in': () => jsonResponse({ ...challenge, passkey: true }, { status: 202 }),
      '/api/v1/auth/sign-in/two-factor/passkey-options': () => jsonResponse(options),
      '/api/v1/auth/sign-in/two-factor/passkey': () => jsonResponse(session),
    });
    const onSignedIn = await passwordStep();
    fireEvent.click(await screen.findByRole('button', { name: 'Use a passkey' }));
    await waitFor(() => expect(onSignedIn).toHaveBeenCalled());
    expect(sent.at(-1)).toEqual({
      url: '/api/v1/auth/sign-in/two-factor/passkey',
      body: { challenge: challenge.challenge, challengeId, credential },
    });
  });

  it('does not offer a passkey at the code step when the account has none', async () => {
    stubApi({
      '/api/v1/auth/sign-in': () =>
        jsonResponse(
          { twoFactorRequired: true, challenge: 'c'.repeat(43), expiresIn: 300, passkey: false },
          { status: 202 },
        ),
    });
    await passwordStep();
    await screen.findByLabelText('Authentication code');
    expect(screen.queryByRole('button', { name: 'Use a passkey' })).toBeNull();
  });
});
