import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { toast } from 'sonner';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse, stubFetch } from '../../../test/fetch.ts';
import { problemBody } from '../../../test/problem.ts';
import { renderPage } from '../../../test/render.tsx';
import type { AdminStats, Job } from '../model/admin-types.ts';
import { JobsCard } from './jobs-card.tsx';

vi.mock('sonner', () => ({ toast: { error: vi.fn(), success: vi.fn() } }));

const failed: Job = {
  id: '11111111-1111-4111-8111-111111111111',
  type: 'tasks.export',
  state: 'failed',
  attempts: 3,
  maxAttempts: 3,
  data: { exportId: '22222222-2222-4222-8222-222222222222' },
  error: 'disk full',
  requestId: 'req-1',
  createdAt: '2026-12-02T10:00:00.000Z',
  startAfter: '2026-12-02T10:00:00.000Z',
  startedAt: '2026-12-02T10:00:01.000Z',
  completedAt: null,
};

const counts = { created: 0, retry: 0, active: 0, completed: 0, cancelled: 0, failed: 1 };
const stats: AdminStats = {
  users: { total: 1, admins: 1, disabled: 0, createdToday: 0 },
  tasks: { total: 0, createdToday: 0, completedToday: 0 },
  jobs: {
    byState: counts,
    byType: [{ type: 'tasks.export', byState: counts }],
    createdToday: 1,
    completedToday: 0,
    failedToday: 1,
  },
  series: [],
  timeZone: 'UTC',
};

/**
 * The API, whose answer to a retry (held until `release` is called) is `retried` when it is a
 * job, a refusal otherwise; the list then holds the job as it is.
 */
function server(retried: Job | Response) {
  let release: () => void = () => undefined;
  const held = new Promise<void>((resolve) => {
    release = resolve;
  });
  const requests: string[] = [];
  let current = failed;
  stubFetch(async (request) => {
    const url = new URL(request.url);
    requests.push(`${request.method} ${url.pathname}${url.search}`);
    if (url.pathname === '/api/v1/admin/stats') return jsonResponse(stats);
    if (url.pathname.endsWith('/retry')) {
      await held;
      if (retried instanceof Response) return retried;
      current = retried;
      return jsonResponse(current);
    }
    return jsonResponse({ items: [current], nextCursor: null });
  });
  return { requests, release };
}

const state = async () => within(await screen.findByTestId('job-row')).getByTestId('job-state');

afterEach(() => vi.mocked(toast.error).mockClear());

describe('JobsCard', () => {
  it('shows a retried job waiting at once, then as the API answered', async () => {
    const api = server({ ...failed, state: 'created', attempts: 0 });
    renderPage(() => <JobsCard title="Failed jobs" description="" state="failed" testId="x" />);

    expect((await state()).textContent).toBe('Failed');
    fireEvent.click(screen.getByRole('button', { name: 'Retry the tasks.export job' }));
    await waitFor(async () => expect((await state()).textContent).toBe('Waiting to retry'));
    // Its button went with the state it applied to; focus stays in the row.
    expect(document.activeElement?.textContent).toMatch(/^Details/);
    api.release();
    await waitFor(async () => expect((await state()).textContent).toBe('Waiting'));
    expect(api.requests).toContain(`POST /api/v1/admin/jobs/${failed.id}/retry`);
    expect(api.requests).toContain('GET /api/v1/admin/jobs?state=failed&limit=20');
  });

  it('puts the job back and says why when the API refuses', async () => {
    const body = problemBody(409, 'CONFLICT', 'Conflict', {
      detail: 'A completed job cannot be retried',
    });
    const api = server(jsonResponse(body, { status: 409, type: 'application/problem+json' }));
    renderPage(() => <JobsCard title="Failed jobs" description="" state="failed" testId="x" />);

    fireEvent.click(await screen.findByRole('button', { name: 'Retry the tasks.export job' }));
    await waitFor(async () => expect((await state()).textContent).toBe('Waiting to retry'));
    api.release();
    await waitFor(async () => expect((await state()).textContent).toBe('Failed'));
    expect(toast.error).toHaveBeenCalledWith('A completed job cannot be retried.');
  });

  it('shows a job’s error, payload and request id on demand', async () => {
    server(failed);
    renderPage(() => <JobsCard title="Failed jobs" description="" state="failed" testId="x" />);

    const details = await screen.findByRole('button', { name: 'Details of the tasks.export job' });
    expect(screen.queryByTestId('job-details')).toBeNull();
    fireEvent.click(details);
    expect(details.getAttribute('aria-expanded')).toBe('true');
    expect(screen.getByTestId('job-error').textContent).toBe('disk full');
    expect(screen.getByTestId('job-payload').textContent).toContain('"exportId"');
    expect(screen.getByTestId('job-request-id').textContent).toBe('req-1');
  });
});
