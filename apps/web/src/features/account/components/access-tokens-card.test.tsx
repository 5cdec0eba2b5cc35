import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { jsonResponse, stubFetch } from '../../../test/fetch.ts';
import { renderPage } from '../../../test/render.tsx';
import { daysUntil } from './access-token-form.tsx';
import { AccessTokensCard } from './access-tokens-card.tsx';

const secret = `tf_pat_${'A1b2C3d4E5'.repeat(4)}abc123XyZ`;
const deploy = {
  id: '6f1c1c3e-1d7e-4c53-9a55-3f0f3e1c0a01',
  name: 'Deploy',
  scope: 'read',
  lastFour: 'abcd',
  createdAt: '2026-11-01T10:00:00.000Z',
  expiresAt: '2027-11-01T10:00:00.000Z',
  lastUsedAt: '2026-12-01T09:30:00.000Z',
  lastUsedIp: '203.0.113.7',
};
const backup = {
  ...deploy,
  id: '6f1c1c3e-1d7e-4c53-9a55-3f0f3e1c0a02',
  name: 'Nightly backup',
  scope: 'read_write',
  lastFour: 'XyZ',
  lastUsedAt: null,
  lastUsedIp: null,
};

/** An API holding `items`: lists them, creates `backup`, revokes by id. */
function fakeApi(items: object[]) {
  const sent: { method: string; path: string; body: unknown }[] = [];
  stubFetch(async (request) => {
    const path = new URL(request.url).pathname;
    const body = request.method === 'POST' ? await request.text() : '';
    sent.push({ method: request.method, path, body: body ? JSON.parse(body) : undefined });
    if (request.method === 'GET') return jsonResponse({ items });
    if (path.endsWith('/revoke')) {
      items.splice(
        items.findIndex((t) => path.includes((t as { id: string }).id)),
        1,
      );
      return new Response(null, { status: 204 });
    }
    items.unshift(backup);
    return jsonResponse({ ...backup, token: secret }, { status: 201 });
  });
  return sent;
}

describe('AccessTokensCard', () => {
  it('lists the tokens with their last use, never a secret', async () => {
    fakeApi([deploy]);
    renderPage(() => <AccessTokensCard />);
    const list = await screen.findByRole('list', { name: 'Your personal access tokens' });
    expect(within(list).getByText('Deploy')).toBeTruthy();
    expect(within(list).getByText('tf_pat_…abcd')).toBeTruthy();
    expect(within(list).getByTestId('access-token-last-used').textContent).toContain('203.0.113.7');
  });

  it('creates a token and shows its secret once, until Done', async () => {
    const sent = fakeApi([]);
    renderPage(() => <AccessTokensCard />);
    await screen.findByTestId('access-tokens-empty');
    fireEvent.input(screen.getByLabelText('Token purpose'), {
      target: { value: 'Nightly backup' },
    });
    fireEvent.change(screen.getByLabelText('Access'), { target: { value: 'read_write' } });
    fireEvent.change(screen.getByLabelText('Expires'), { target: { value: '90' } });
    fireEvent.click(screen.getByRole('button', { name: 'Create token' }));

    const shown = await screen.findByRole('textbox', { name: 'The token Nightly backup' });
    expect((shown as HTMLInputElement).value).toBe(secret);
    expect(sent.find((r) => r.method === 'POST')?.body).toEqual({
      name: 'Nightly backup',
      scope: 'read_write',
      expiresInDays: 90,
    });
    await screen.findByText('Never used');

    fireEvent.click(screen.getByRole('button', { name: 'Done' }));
    await waitFor(() => expect(screen.queryByTestId('new-access-token')).toBeNull());
    expect(document.body.innerHTML).not.toContain(secret);
    expect(screen.getByRole('button', { name: 'Create token' })).toBeTruthy();
  });

  it('refuses an expiry date more than a year away, before sending anything', async () => {
    const sent = fakeApi([]);
    renderPage(() => <AccessTokensCard />);
    await screen.findByTestId('access-tokens-empty');
    fireEvent.input(screen.getByLabelText('Token purpose'), { target: { value: 'Far off' } });
    fireEvent.change(screen.getByLabelText('Expires'), { target: { value: 'date' } });
    const date = await screen.findByLabelText('Expiry date');
    const far = new Date(Date.now() + 400 * 86_400_000).toISOString().slice(0, 10);
    fireEvent.input(date, { target: { value: far } });
    fireEvent.click(screen.getByRole('button', { name: 'Create token' }));
    expect(
      await screen.findByText('Choose a date from tomorrow to a year from today'),
    ).toBeTruthy();
    expect(sent.filter((r) => r.method === 'POST')).toEqual([]);
  });

  it('revokes a token after a confirmation', async () => {
    const sent = fakeApi([deploy]);
    renderPage(() => <AccessTokensCard />);
    fireEvent.click(await screen.findByRole('button', { name: 'Revoke the token Deploy' }));
    fireEvent.click(screen.getByRole('button', { name: 'Revoke token' }));
    await screen.findByTestId('access-tokens-empty');
    expect(sent.filter((r) => r.method === 'POST').map((r) => r.path)).toEqual([
      `/api/v1/me/access-tokens/${deploy.id}/revoke`,
    ]);
  });
});

describe('daysUntil', () => {
  it('counts calendar days from today', () => {
    const today = new Date(2026, 11, 7, 23, 30);
    expect(daysUntil('2026-12-08', today)).toBe(1);
    expect(daysUntil('2027-12-07', today)).toBe(365);
    expect(daysUntil('not a date', today)).toBeNaN();
  });
});
