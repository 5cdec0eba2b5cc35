import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { toast } from 'sonner';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse, stubFetch } from '../../../test/fetch.ts';
import { problemBody } from '../../../test/problem.ts';
import { renderPage } from '../../../test/render.tsx';
import type { Backup, BackupList } from '../model/admin-types.ts';
import { formatDateTime } from '../model/format.ts';
import { BackupsCard } from './backups-card.tsx';

vi.mock('sonner', () => ({ toast: { error: vi.fn(), success: vi.fn() } }));

const base = '/api/v1/admin/backups';

const hoursAgo = (hours: number) => new Date(Date.now() - hours * 3_600_000).toISOString();

const backup = (name: string, changes: Partial<Backup> = {}): Backup => ({
  name,
  createdAt: hoursAgo(7),
  bytes: 1_258_291,
  trigger: 'schedule',
  taskflowVersion: '0.1.0',
  pgliteVersion: '0.3.2',
  migration: '0021_workspace_imports',
  rows: 1234,
  files: 1,
  ...changes,
});
const scheduled = backup('taskflow-20261202T031500Z-0a1b2c3d.tar.gz');
const taken = backup('taskflow-20261202T101500Z-4e5f6a7b.tar.gz', {
  createdAt: hoursAgo(0.01),
  bytes: 3584,
  trigger: 'manual',
  rows: 1,
  files: 0,
});

const list = (changes: Partial<BackupList> = {}): BackupList => ({
  available: true,
  schedule: '15 3 * * *',
  keep: 7,
  items: [scheduled],
  ...changes,
});

/**
 * The backups API, listing `listed`; its answer to a new backup (held until `release` is called)
 * is `made` when it is a backup, which is then listed first, and the response given otherwise.
 */
function server(listed: BackupList, made: Backup | Response = taken) {
  let release: () => void = () => undefined;
  const held = new Promise<void>((resolve) => {
    release = resolve;
  });
  const requests: string[] = [];
  let current = listed;
  stubFetch(async (request) => {
    const { pathname } = new URL(request.url);
    requests.push(`${request.method} ${pathname}`);
    if (request.method === 'POST' && pathname === base) {
      await held;
      if (made instanceof Response) return made;
      current = { ...current, items: [made, ...current.items] };
      return jsonResponse(made, { status: 201 });
    }
    if (pathname.endsWith('/download')) {
      return new Response(new Uint8Array([0x1f, 0x8b, 8, 0]), {
        headers: {
          'Content-Type': 'application/gzip',
          'Content-Disposition': `attachment; filename="${scheduled.name}"`,
        },
      });
    }
    return jsonResponse(current);
  });
  return { requests, release };
}

const conflict = (code: string) =>
  jsonResponse(problemBody(409, code, code), { status: 409, type: 'application/problem+json' });

const names = () => screen.queryAllByTestId('backup-name').map((name) => name.textContent);

const saved: { name: string; bytes: Promise<ArrayBuffer> }[] = [];

beforeEach(() => {
  // jsdom has no object URLs, and a click on a download link would navigate.
  URL.createObjectURL = (blob: Blob) => {
    saved.push({ name: '', bytes: blob.arrayBuffer() });
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
  vi.mocked(toast.success).mockClear();
});

describe('BackupsCard', () => {
  it('lists the backups with their size, origin and contents, and the schedule', async () => {
    server(list({ items: [taken, scheduled] }));
    renderPage(() => <BackupsCard />);

    await waitFor(() => expect(names()).toEqual([taken.name, scheduled.name]));
    expect(screen.getByTestId('backup-schedule').textContent).toBe(
      'Taken on the schedule 15 3 * * * (cron, UTC), and on demand. Keeps the last 7.',
    );
    const [first, second] = screen.getAllByTestId('backup-row');
    expect(first?.textContent).toContain('3.5 KiB');
    expect(first?.textContent).toContain('Taken by an admin · 1 row, 0 files');
    expect(second?.textContent).toContain('1.2 MiB');
    expect(second?.textContent).toContain('Taken on schedule · 1,234 rows, 1 file');
    expect(second?.textContent).toContain('PGlite 0.3.2');
    const when = within(second as HTMLElement).getByText('7 hours ago');
    expect(when.tagName).toBe('TIME');
    expect(when.getAttribute('dateTime')).toBe(scheduled.createdAt);
    const absolute = formatDateTime(scheduled.createdAt);
    expect(when.getAttribute('title')).toBe(absolute);
    expect(
      within(second as HTMLElement).getByRole('button', {
        name: `Download the backup of ${absolute}`,
      }),
    ).toBeTruthy();
  });

  it('says when there is no schedule and no backup yet', async () => {
    server(list({ schedule: null, keep: 1, items: [] }));
    renderPage(() => <BackupsCard />);

    expect((await screen.findByTestId('backup-schedule')).textContent).toBe(
      'No schedule: backups are taken on demand. Keeps the last one.',
    );
    expect(screen.getByTestId('backups-empty').textContent).toBe('No backups yet.');
  });

  it('backs up now, saying it is working until the new backup is listed', async () => {
    const api = server(list());
    renderPage(() => <BackupsCard />);

    fireEvent.click(await screen.findByRole('button', { name: 'Back up now' }));
    const working = await screen.findByRole('button', { name: 'Backing up…' });
    expect(working).toHaveProperty('disabled', true);
    api.release();
    await waitFor(() => expect(names()).toEqual([taken.name, scheduled.name]));
    await waitFor(() =>
      expect(screen.getByRole('button', { name: 'Back up now' })).toHaveProperty('disabled', false),
    );
    expect(toast.success).toHaveBeenCalledWith('Backup taken (3.5 KiB).');
    expect(api.requests.filter((r) => r === `POST ${base}`)).toHaveLength(1);
    expect(api.requests.filter((r) => r === `GET ${base}`)).toHaveLength(2);
  });

  it('says why when the API refuses a backup (409)', async () => {
    const api = server(list(), conflict('BACKUP_IN_PROGRESS'));
    renderPage(() => <BackupsCard />);

    fireEvent.click(await screen.findByRole('button', { name: 'Back up now' }));
    api.release();
    await waitFor(() =>
      expect(toast.error).toHaveBeenCalledWith(
        'A backup is already being taken. Try again when it is done.',
      ),
    );
    await waitFor(() =>
      expect(screen.getByRole('button', { name: 'Back up now' })).toHaveProperty('disabled', false),
    );
    expect(toast.success).not.toHaveBeenCalled();
    expect(names()).toEqual([scheduled.name]);
  });

  it('downloads a backup from its own path and saves it under the API’s name', async () => {
    const api = server(list());
    renderPage(() => <BackupsCard />);

    const row = await screen.findByTestId('backup-row');
    fireEvent.click(within(row).getByRole('button', { name: /^Download the backup of / }));

    await waitFor(() => expect(saved).toHaveLength(1));
    expect(api.requests).toContain(`GET ${base}/${scheduled.name}/download`);
    expect(saved[0]?.name).toBe(scheduled.name);
    expect([...new Uint8Array((await saved[0]?.bytes) ?? new ArrayBuffer(0))]).toEqual([
      0x1f, 0x8b, 8, 0,
    ]);
  });

  it('in cluster mode points to PostgreSQL’s own tools and offers no backup', async () => {
    server(list({ available: false, schedule: null, items: [] }));
    renderPage(() => <BackupsCard />);

    expect((await screen.findByTestId('backups-unavailable')).textContent).toContain(
      'PostgreSQL’s own tools (pg_dump)',
    );
    expect(screen.queryByRole('button', { name: 'Back up now' })).toBeNull();
    expect(screen.queryByTestId('backup-schedule')).toBeNull();
  });
});
