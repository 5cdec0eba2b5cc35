import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { jsonResponse, stubFetch } from '../../../test/fetch.ts';
import { renderPage } from '../../../test/render.tsx';
import { TwoFactorCard } from './two-factor-card.tsx';

const codes = Array.from({ length: 10 }, (_, i) => `abcd${i}-efgh${i}`);
const enrolment = {
  secret: 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP',
  otpauthUri: 'otpauth://totp/TaskFlow:ada?secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP',
  qrCode: 'data:image/svg+xml;base64,PHN2Zy8+',
};

/** A stub API for the card: status `enabled` flips once the confirm call is made. */
function stubApi() {
  let enabled = false;
  const calls: { url: string; body: unknown }[] = [];
  stubFetch(async (request) => {
    const url = new URL(request.url).pathname;
    const body = request.method === 'GET' ? undefined : await request.json();
    calls.push({ url, body });
    if (url === '/api/v1/me/two-factor') {
      return jsonResponse({
        enabled,
        enabledAt: enabled ? '2026-12-07T00:00:00.000Z' : null,
        recoveryCodesLeft: enabled ? 10 : 0,
        required: false,
      });
    }
    if (url.endsWith('/enrol')) return jsonResponse(enrolment);
    if (url.endsWith('/confirm')) {
      enabled = true;
      return jsonResponse({ recoveryCodes: codes });
    }
    if (url.endsWith('/disable')) {
      enabled = false;
      return new Response(null, { status: 204 });
    }
    return jsonResponse({}, { status: 404 });
  });
  return calls;
}

describe('TwoFactorCard', () => {
  it('enrols: password, QR code and key, a code, then the recovery codes once', async () => {
    const calls = stubApi();
    renderPage(() => <TwoFactorCard />);
    expect((await screen.findByTestId('two-factor-status')).textContent).toBe('Off.');
    fireEvent.click(screen.getByRole('button', { name: 'Turn on two-factor sign-in' }));
    fireEvent.change(screen.getByLabelText('Your password'), { target: { value: 'pw' } });
    fireEvent.click(screen.getByRole('button', { name: 'Continue' }));

    const panel = await screen.findByTestId('two-factor-enrolment');
    expect(
      within(panel)
        .getByRole('img', { name: /QR code/ })
        .getAttribute('src'),
    ).toBe(enrolment.qrCode);
    expect(screen.getByTestId('two-factor-secret').textContent?.replaceAll(' ', '')).toBe(
      enrolment.secret,
    );
    fireEvent.change(screen.getByLabelText('Code from your app or a recovery code'), {
      target: { value: '123456' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Turn on' }));

    const list = await screen.findByRole('list', { name: 'Recovery codes' });
    expect(
      within(list)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(codes);
    expect(screen.getByRole('button', { name: 'Download codes' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Copy codes' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'I have saved them' }));
    await waitFor(() =>
      expect(screen.getByTestId('two-factor-status').textContent).toContain('On.'),
    );
    expect(screen.queryByRole('list', { name: 'Recovery codes' })).toBeNull();
    expect(calls.filter((c) => c.url !== '/api/v1/me/two-factor')).toEqual([
      { url: '/api/v1/me/two-factor/enrol', body: { password: 'pw' } },
      { url: '/api/v1/me/two-factor/confirm', body: { code: '123456' } },
    ]);
  });

  it('turns it off with the password and a code', async () => {
    const calls = stubApi();
    renderPage(() => <TwoFactorCard />);
    await screen.findByTestId('two-factor-status');
    // Enrolled through the stub, then off again.
    fireEvent.click(screen.getByRole('button', { name: 'Turn on two-factor sign-in' }));
    fireEvent.change(screen.getByLabelText('Your password'), { target: { value: 'pw' } });
    fireEvent.click(screen.getByRole('button', { name: 'Continue' }));
    fireEvent.change(await screen.findByLabelText('Code from your app or a recovery code'), {
      target: { value: '123456' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Turn on' }));
    fireEvent.click(await screen.findByRole('button', { name: 'I have saved them' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Turn off' }));
    const form = screen.getByTestId('two-factor-disable-form');
    fireEvent.change(within(form).getByLabelText('Your password'), { target: { value: 'pw' } });
    fireEvent.change(within(form).getByLabelText('Code from your app or a recovery code'), {
      target: { value: '654321' },
    });
    fireEvent.click(within(form).getByRole('button', { name: 'Turn off' }));
    await waitFor(() => expect(screen.getByTestId('two-factor-status').textContent).toBe('Off.'));
    expect(calls.at(-2)).toEqual({
      url: '/api/v1/me/two-factor/disable',
      body: { password: 'pw', code: '654321' },
    });
  });
});
