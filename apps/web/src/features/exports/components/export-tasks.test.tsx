import { fireEvent, screen, waitFor } from '@testing-library/react';
import { toast } from 'sonner';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse, stubFetch } from '../../../test/fetch.ts';
import { renderPage } from '../../../test/render.tsx';
import type { TaskExport } from '../model/export-types.ts';
import { ExportTasks } from './export-tasks.tsx';

vi.mock('sonner', () => ({ toast: { error: vi.fn(), success: vi.fn() } }));

const workspaceId = '11111111-1111-4111-8111-111111111111';
const exportId = '22222222-2222-4222-8222-222222222222';
const base = `/api/v1/workspaces/${workspaceId}/exports`;
const csv = 'id,title\r\n1,Alpha\r\n2,"Beta, quoted"\r\n';

const made = (status: TaskExport['status']): TaskExport => ({
  id: exportId,
  workspaceId,
  status,
  format: 'csv',
  rowCount: status === 'ready' ? 2 : null,
  createdAt: '2026-12-02T10:00:00.000Z',
  completedAt: status === 'ready' ? '2026-12-02T10:00:01.000Z' : null,
  expiresAt: status === 'ready' ? '2026-12-03T10:00:01.000Z' : null,
  downloadPath: status === 'ready' ? `${base}/${exportId}/download` : null,
});

const problem = (status: number, code: string) =>
  jsonResponse(
    { type: 'urn:x', title: code, status, code, requestId: 'r' },
    { status, type: 'application/problem+json' },
  );

/** The query strings exports were asked with. */
const asked: string[] = [];

/** The API: the export is done by the time the page reads it; `download` answers the file. */
function server(download: () => Response) {
  return stubFetch((request) => {
    const { pathname, search } = new URL(request.url);
    if (request.method === 'POST' && pathname === base) {
      asked.push(search);
      return jsonResponse(made('pending'), { status: 202 });
    }
    if (pathname === `${base}/${exportId}`) return jsonResponse(made('ready'));
    if (pathname === `${base}/${exportId}/download`) return download();
    return problem(404, 'ROUTE_NOT_FOUND');
  });
}

const saved: { name: string; text: Promise<string> }[] = [];

beforeEach(() => {
  // jsdom has no object URLs, and a click on a download link would navigate.
  URL.createObjectURL = (blob: Blob) => {
    saved.push({ name: '', text: blob.text() });
    return 'blob:http://localhost/1';
  };
  URL.revokeObjectURL = () => undefined;
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
    this: HTMLAnchorElement,
  ) {
    const last = saved.at(-1);
    if (last) last.name = this.download;
  });
});

afterEach(() => {
  saved.length = 0;
  vi.mocked(toast.error).mockClear();
  asked.length = 0;
});

describe('ExportTasks', () => {
  it('asks for an export, says when it is ready, and saves the CSV under the API’s name', async () => {
    server(
      () =>
        new Response(csv, {
          headers: {
            'Content-Type': 'text/csv; charset=utf-8',
            'Content-Disposition': 'attachment; filename="taskflow-tasks-2026-12-02.csv"',
          },
        }),
    );
    renderPage(() => <ExportTasks workspaceId={workspaceId} filters={{}} />);

    const button = await screen.findByRole('button', { name: 'Export CSV' });
    button.focus();
    fireEvent.click(button);
    // Read again at once: the export may be done before its answer arrived.
    const status = await screen.findByText('The CSV is ready. (2 tasks)');
    expect(status.getAttribute('role')).toBe('status');
    // The same button, still focused, now downloads.
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Download CSV' }));
    fireEvent.click(button);

    await waitFor(() => expect(saved).toHaveLength(1));
    expect(saved[0]?.name).toBe('taskflow-tasks-2026-12-02.csv');
    expect(await saved[0]?.text).toBe(csv);
  });

  it.each([
    [409, 'EXPORT_NOT_READY', 'The export is still being made.'],
    [410, 'EXPORT_EXPIRED', 'This export has expired'],
  ])('explains a %i (%s) instead of saving anything', async (status, code, message) => {
    server(() => problem(status, code));
    renderPage(() => <ExportTasks workspaceId={workspaceId} filters={{}} />);

    fireEvent.click(await screen.findByRole('button', { name: 'Export CSV' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Download CSV' }));

    await waitFor(() => expect(toast.error).toHaveBeenCalledWith(expect.stringContaining(message)));
    expect(saved).toHaveLength(0);
  });

  it('asks for the tasks the board’s filters keep', async () => {
    server(() => new Response(csv, { headers: { 'Content-Type': 'text/csv' } }));
    const filters = { status: 'todo,done', label: 'ops', assignee: 'me', q: 'deploy' } as const;
    renderPage(() => <ExportTasks workspaceId={workspaceId} filters={filters} />);

    fireEvent.click(await screen.findByRole('button', { name: 'Export CSV' }));
    await screen.findByText('The CSV is ready. (2 tasks)');
    expect(asked).toHaveLength(1);
    expect(Object.fromEntries(new URLSearchParams(asked[0]))).toEqual(filters);
  });
});
