import { fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse, stubFetch } from '../../../test/fetch.ts';
import { problemBody } from '../../../test/problem.ts';
import { renderPage } from '../../../test/render.tsx';
import { testSession as session } from '../../../test/session.ts';
import { sessionStore } from '../session/session-store.ts';
import { SignInForm } from './sign-in-form.tsx';

const challenge = { twoFactorRequired: true, challenge: 'c'.repeat(43), expiresIn: 300 };

/** Answers sign-in with a challenge and the code step with `second`; records the code bodies. */
function stubTwoFactor(second: () => Response) {
  const sent: unknown[] = [];
  stubFetch(async (request) => {
    if (request.url.endsWith('/sign-in')) return jsonResponse(challenge, { status: 202 });
    sent.push(await request.json());
    return second();
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

afterEach(() => sessionStore.signedOut());

describe('the code step of sign-in', () => {
  it('asks for the app’s code after the password, then signs in with the challenge', async () => {
    const sent = stubTwoFactor(() => jsonResponse(session));
    const onSignedIn = await passwordStep();
    const code = await screen.findByLabelText('Authentication code');
    expect(onSignedIn).not.toHaveBeenCalled();
    expect(sessionStore.getAccessToken()).toBeNull();
    expect(code.getAttribute('autocomplete')).toBe('one-time-code');
    fireEvent.change(code, { target: { value: '123456' } });
    fireEvent.click(screen.getByRole('button', { name: 'Verify' }));
    await waitFor(() => expect(onSignedIn).toHaveBeenCalled());
    expect(sent).toEqual([{ challenge: challenge.challenge, code: '123456' }]);
    expect(sessionStore.getAccessToken()).toBe('secret-token');
  });

  it('takes a recovery code instead, and shows a wrong code beside the field', async () => {
    stubTwoFactor(() =>
      jsonResponse(
        problemBody(401, 'TWO_FACTOR_CODE_INVALID', 'The two-factor code is not correct', {
          detail: 'The code is not correct',
        }),
        { status: 401, type: 'application/problem+json' },
      ),
    );
    const onSignedIn = await passwordStep();
    await screen.findByLabelText('Authentication code');
    fireEvent.click(screen.getByRole('button', { name: 'Use a recovery code' }));
    const field = screen.getByLabelText('Recovery code');
    fireEvent.change(field, { target: { value: 'abcde-fghjk' } });
    fireEvent.click(screen.getByRole('button', { name: 'Verify' }));
    expect(await screen.findByText('The code is not correct')).toBeTruthy();
    expect(onSignedIn).not.toHaveBeenCalled();
  });

  it('sends back to the password once the challenge has expired', async () => {
    stubTwoFactor(() =>
      jsonResponse(problemBody(401, 'TWO_FACTOR_CHALLENGE_EXPIRED', 'The sign-in has expired'), {
        status: 401,
        type: 'application/problem+json',
      }),
    );
    await passwordStep();
    fireEvent.change(await screen.findByLabelText('Authentication code'), {
      target: { value: '123456' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Verify' }));
    expect((await screen.findByRole('alert')).textContent).toContain('Enter your password again');
    fireEvent.click(screen.getByRole('button', { name: 'Start again' }));
    expect(await screen.findByLabelText('Password')).toBeTruthy();
  });
});
