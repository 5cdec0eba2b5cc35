import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { jsonResponse, stubFetch } from '../../../test/fetch.ts';
import { renderPage } from '../../../test/render.tsx';
import { PasskeysCard } from './passkeys-card.tsx';

const browserPasskey = vi.hoisted(() => ({ create: vi.fn() }));
vi.mock('../../../lib/webauthn.ts', async (actual) => ({
  ...(await actual<typeof import('../../../lib/webauthn.ts')>()),
  createPasskey: browserPasskey.create,
}));

const laptop = {
  id: '4b0c7a3e-8d2f-4c11-9a57-0f6f3f0e2a10',
  name: 'Laptop',
  deviceType: 'singleDevice',
  backedUp: false,
  createdAt: '2026-12-01T10:00:00.000Z',
  lastUsedAt: null,
};
const credential = { id: 'abc', rawId: 'abc', type: 'public-key', response: {} };

/** A stub API holding the user's passkeys; every call is recorded. */
function stubApi(items: (typeof laptop)[] = []) {
  const calls: { method: string; url: string; body: unknown }[] = [];
  stubFetch(async (request) => {
    const url = new URL(request.url).pathname;
    const body = request.method === 'GET' ? undefined : await request.json();
    calls.push({ method: request.method, url, body });
    if (url === '/api/v1/me/passkeys' && request.method === 'GET') return jsonResponse({ items });
    if (url.endsWith('/registration-options')) {
      return jsonResponse({
        challengeId: '9a1f3c2e-1b2d-4e5f-8a9b-0c1d2e3f4a5b',
        options: { challenge: 'xyz', rp: { name: 'TaskFlow' }, user: {}, pubKeyCredParams: [] },
      });
    }
    if (url === '/api/v1/me/passkeys') {
      const created = { ...laptop, id: crypto.randomUUID(), name: (body as { name: string }).name };
      items.push(created);
      return jsonResponse(created, { status: 201 });
    }
    if (request.method === 'PATCH') {
      const found = items.find((p) => url.endsWith(p.id));
      if (found) found.name = (body as { name: string }).name;
      return jsonResponse(found);
    }
    if (request.method === 'DELETE') {
      items.splice(
        items.findIndex((p) => url.endsWith(p.id)),
        1,
      );
      return new Response(null, { status: 204 });
    }
    return jsonResponse({}, { status: 404 });
  });
  return calls;
}

describe('PasskeysCard', () => {
  it('adds a passkey with a name and the password, then lists it', async () => {
    const calls = stubApi();
    browserPasskey.create.mockResolvedValue(credential);
    renderPage(() => <PasskeysCard />);
    await screen.findByTestId('passkeys-empty');
    fireEvent.click(screen.getByRole('button', { name: 'Add a passkey' }));
    fireEvent.change(screen.getByLabelText('Passkey name'), { target: { value: 'Phone' } });
    fireEvent.change(screen.getByLabelText('Your password'), { target: { value: 'pw' } });
    fireEvent.click(screen.getByRole('button', { name: 'Create passkey' }));

    expect(await screen.findByTestId('passkey-name')).toHaveProperty('textContent', 'Phone');
    expect(calls.find((c) => c.url.endsWith('/registration-options'))?.body).toEqual({
      password: 'pw',
    });
    expect(calls.find((c) => c.method === 'POST' && c.url === '/api/v1/me/passkeys')?.body).toEqual(
      { challengeId: '9a1f3c2e-1b2d-4e5f-8a9b-0c1d2e3f4a5b', name: 'Phone', credential },
    );
  });

  it('says so when the browser prompt was closed, and adds nothing', async () => {
    const calls = stubApi();
    const closed = new Error('closed');
    closed.name = 'NotAllowedError';
    browserPasskey.create.mockRejectedValue(closed);
    renderPage(() => <PasskeysCard />);
    await screen.findByTestId('passkeys-empty');
    fireEvent.click(screen.getByRole('button', { name: 'Add a passkey' }));
    fireEvent.change(screen.getByLabelText('Passkey name'), { target: { value: 'Phone' } });
    fireEvent.change(screen.getByLabelText('Your password'), { target: { value: 'pw' } });
    fireEvent.click(screen.getByRole('button', { name: 'Create passkey' }));

    expect((await screen.findByTestId('passkey-add-error')).textContent).toMatch(
      /prompt was closed or timed out/,
    );
    expect(calls.some((c) => c.method === 'POST' && c.url === '/api/v1/me/passkeys')).toBe(false);
  });

  it('renames and removes a passkey (the password asked for removal)', async () => {
    const calls = stubApi([{ ...laptop }]);
    renderPage(() => <PasskeysCard />);
    const item = await screen.findByTestId('passkey-item');
    expect(within(item).getByTestId('passkey-last-used').textContent).toBe('Never used');

    fireEvent.click(screen.getByRole('button', { name: 'Rename the passkey Laptop' }));
    fireEvent.change(screen.getByLabelText('New name'), { target: { value: 'Work laptop' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(screen.getByTestId('passkey-name').textContent).toBe('Work laptop'));

    fireEvent.click(screen.getByRole('button', { name: 'Remove the passkey Work laptop' }));
    fireEvent.change(screen.getByLabelText('Your password'), { target: { value: 'pw' } });
    fireEvent.click(screen.getByRole('button', { name: 'Remove passkey' }));
    await screen.findByTestId('passkeys-empty');
    expect(calls.find((c) => c.method === 'DELETE')).toMatchObject({
      url: `/api/v1/me/passkeys/${laptop.id}`,
      body: { password: 'pw' },
    });
  });
});
