import { QueryClientProvider } from '@tanstack/react-query';
import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { createQueryClient } from '../../../lib/query-client.ts';
import { jsonResponse, stubFetch } from '../../../test/fetch.ts';
import { MetaCard } from './meta-card.tsx';

function renderCard() {
  return render(
    <QueryClientProvider client={createQueryClient()}>
      <MetaCard />
    </QueryClientProvider>,
  );
}

describe('MetaCard', () => {
  it('shows a skeleton, then the meta from the API', async () => {
    const fetchMock = stubFetch(() =>
      jsonResponse({
        name: 'TaskFlow',
        version: '0.1.0',
        mode: 'embedded',
        serverTime: '2026-01-02T03:04:05.000Z',
      }),
    );
    renderCard();
    expect(screen.getByTestId('meta-loading')).toBeTruthy();
    expect((await screen.findByTestId('meta-name')).textContent).toBe('TaskFlow');
    expect(screen.getByTestId('meta-version').textContent).toBe('0.1.0');
    expect(screen.getByTestId('meta-mode').textContent).toBe('embedded');
    const request = fetchMock.mock.calls[0]?.[0] as Request;
    expect(new URL(request.url).pathname).toBe('/api/v1/meta');
    expect(request.headers.get('X-Request-Id')).toBeTruthy();
  });

  it('shows a human message, the request id and Retry on a problem response', async () => {
    const fetchMock = stubFetch(() =>
      jsonResponse(
        {
          type: 'urn:taskflow:problem:forbidden',
          title: 'You do not have access to this resource',
          status: 403,
          code: 'FORBIDDEN',
          requestId: 'req-403',
        },
        { status: 403, type: 'application/problem+json' },
      ),
    );
    renderCard();
    const alert = await screen.findByTestId('meta-error');
    expect(alert.textContent).toContain('You do not have access to this.');
    expect(screen.getByTestId('meta-error-request-id').textContent).toContain('req-403');
    expect(screen.getByRole('button', { name: 'Retry' })).toBeTruthy();
    // 4xx is never retried.
    expect(fetchMock).toHaveBeenCalledTimes(1);
  });
});
