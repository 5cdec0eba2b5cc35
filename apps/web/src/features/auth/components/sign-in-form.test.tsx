import { fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse, stubFetch } from '../../../test/fetch.ts';
import { renderPage } from '../../../test/render.tsx';
import { testUser as user } from '../../../test/session.ts';
import { sessionStore } from '../session/session-store.ts';
import { SignInForm } from './sign-in-form.tsx';

async function signIn(onSignedIn = vi.fn()) {
  renderPage(() => <SignInForm onSignedIn={onSignedIn} />);
  fireEvent.change(await screen.findByLabelText('Email'), {
    target: { value: 'ada@example.test' },
  });
  fireEvent.change(screen.getByLabelText('Password'), { target: { value: 'correct horse' } });
  fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
  return onSignedIn;
}

afterEach(() => sessionStore.signedOut());

describe('SignInForm', () => {
  it('says so when the session ended elsewhere, and only then', async () => {
    const { unmount } = renderPage(() => <SignInForm ended onSignedIn={vi.fn()} />);
    expect((await screen.findByTestId('session-ended')).textContent).toContain(
      'Your session was ended',
    );
    unmount();
    renderPage(() => <SignInForm onSignedIn={vi.fn()} />);
    await screen.findByLabelText('Email');
    expect(screen.queryByTestId('session-ended')).toBeNull();
  });

  it('keeps the access token in memory, never in storage or cookies', async () => {
    stubFetch(() =>
      jsonResponse({ accessToken: 'secret-token', tokenType: 'Bearer', expiresIn: 900, user }),
    );
    const setItem = vi.spyOn(Storage.prototype, 'setItem');

    const onSignedIn = await signIn();
    await waitFor(() => expect(onSignedIn).toHaveBeenCalled());
    expect(sessionStore.getAccessToken()).toBe('secret-token');
    expect(setItem).not.toHaveBeenCalled();
    expect(localStorage.length + sessionStorage.length).toBe(0);
    expect(document.cookie).not.toContain('secret-token');
  });

  it('shows wrong credentials as a form error in plain words', async () => {
    stubFetch(() =>
      jsonResponse(
        {
          type: 'urn:taskflow:problem:invalid-credentials',
          title: 'The email or password is not correct',
          status: 401,
          code: 'INVALID_CREDENTIALS',
          requestId: 'req-1',
        },
        { status: 401, type: 'application/problem+json' },
      ),
    );
    const onSignedIn = await signIn();
    expect((await screen.findByRole('alert')).textContent).toBe(
      'The email or password is not correct.',
    );
    expect(onSignedIn).not.toHaveBeenCalled();
    expect(sessionStore.getSnapshot().status).not.toBe('signed-in');
  });

  it('offers a new verification link when the email is not verified', async () => {
    stubFetch(() =>
      jsonResponse(
        {
          type: 'urn:taskflow:problem:email-not-verified',
          title: 'Verify your email address first',
          status: 403,
          code: 'EMAIL_NOT_VERIFIED',
          requestId: 'req-1',
        },
        { status: 403, type: 'application/problem+json' },
      ),
    );
    await signIn();
    expect(await screen.findByTestId('resend-verification')).toBeTruthy();
  });
});
