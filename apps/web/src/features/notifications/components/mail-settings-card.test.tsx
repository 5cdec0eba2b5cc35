import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { jsonResponse, stubFetch } from '../../../test/fetch.ts';
import { renderPage } from '../../../test/render.tsx';
import { MailSettingsCard } from './mail-settings-card.tsx';

describe('MailSettingsCard', () => {
  it('shows the saved choice and saves a change at once', async () => {
    const sent: unknown[] = [];
    stubFetch(async (request: Request) => {
      if (request.method === 'PUT') {
        const body = await request.json();
        sent.push(body);
        return jsonResponse(body);
      }
      return jsonResponse({ mailOnMention: true });
    });
    renderPage(() => <MailSettingsCard />);

    const box = await screen.findByRole('checkbox', {
      name: 'Mail me when someone mentions me in a comment',
    });
    await waitFor(() => expect((box as HTMLInputElement).disabled).toBe(false));
    expect((box as HTMLInputElement).checked).toBe(true);
    fireEvent.click(box);
    await waitFor(() => expect((box as HTMLInputElement).checked).toBe(false));
    expect(sent).toEqual([{ mailOnMention: false }]);
  });
});
