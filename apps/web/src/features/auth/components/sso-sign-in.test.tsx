import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { jsonResponse, stubFetch } from '../../../test/fetch.ts';
import { renderPage } from '../../../test/render.tsx';
import { SsoSignIn } from './sso-sign-in.tsx';

const providers = (items: { id: string; name: string }[]) =>
  stubFetch((request) =>
    new URL(request.url).pathname === '/api/v1/auth/sso/providers'
      ? jsonResponse({ items })
      : jsonResponse({}, { status: 404 }),
  );

describe('SsoSignIn', () => {
  it('offers one link per configured provider, to the API that redirects to it', async () => {
    providers([{ id: 'acme', name: 'Acme' }]);
    renderPage(() => <SsoSignIn />);
    const link = await screen.findByRole('link', { name: 'Sign in with Acme' });
    expect(link.getAttribute('href')).toBe('/api/v1/auth/sso/acme/start');
  });

  it('shows nothing when no provider is configured', async () => {
    providers([]);
    const { queryClient } = renderPage(() => <SsoSignIn />);
    await waitFor(() => expect(queryClient.isFetching()).toBe(0));
    expect(screen.queryByTestId('sso-providers')).toBeNull();
    expect(screen.queryByRole('link')).toBeNull();
  });

  it('explains why the provider sent the browser back without a session', async () => {
    providers([{ id: 'acme', name: 'Acme' }]);
    const { router } = renderPage(() => <SsoSignIn />);
    await router.navigate({ href: '/?sso_error=domain_not_allowed' });
    expect((await screen.findByTestId('sso-error')).textContent).toBe(
      'Accounts of your email domain cannot sign in with this provider.',
    );
    await router.navigate({ href: '/?sso_error=<script>' });
    await waitFor(() => expect(screen.queryByTestId('sso-error')).toBeNull());
  });
});
