import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { jsonResponse, stubFetch } from '../../../test/fetch.ts';
import { renderPage } from '../../../test/render.tsx';
import { VerifyEmail } from './verify-email.tsx';

const token = 'a-one-time-token-from-the-mail';

describe('VerifyEmail', () => {
  it('posts the single-use token once, even under StrictMode, and links to sign in', async () => {
    const fetchMock = stubFetch(() => jsonResponse({ message: 'Your email address is verified.' }));
    renderPage(() => <VerifyEmail token={token} />, { strict: true });

    expect((await screen.findByTestId('verify-email-success')).textContent).toBe(
      'Your email address is verified.',
    );
    expect(screen.getByRole('link', { name: 'Sign in' })).toBeTruthy();
    expect(fetchMock).toHaveBeenCalledTimes(1);
    const request = fetchMock.mock.calls[0]?.[0] as Request;
    expect(await request.json()).toEqual({ token });
  });

  it('explains an expired or used link', async () => {
    stubFetch(() =>
      jsonResponse(
        {
          type: 'urn:taskflow:problem:token-invalid',
          title: 'The link is not valid or has expired',
          status: 400,
          code: 'TOKEN_INVALID',
          requestId: 'req-1',
        },
        { status: 400, type: 'application/problem+json' },
      ),
    );
    renderPage(() => <VerifyEmail token={token} />);
    expect((await screen.findByTestId('verify-email-error')).textContent).toContain(
      'This link is not valid or has expired.',
    );
  });
});
