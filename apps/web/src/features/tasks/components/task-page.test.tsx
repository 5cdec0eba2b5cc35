import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { anAttachment, attachmentList } from '../../../test/attachments.ts';
import { jsonResponse, stubFetch } from '../../../test/fetch.ts';
import { problemBody } from '../../../test/problem.ts';
import { renderPage } from '../../../test/render.tsx';
import { aTask, workspaceId } from '../../../test/tasks.ts';
import { stubXhr } from '../../../test/xhr.ts';
import { applyTaskEvent } from '../api/live-task-events.ts';
import { taskKeys } from '../api/task-keys.ts';
import type { AttachmentList } from '../model/attachment-types.ts';
import type { Comment, HistoryEntry } from '../model/comment-types.ts';
import type { Member } from '../model/task-types.ts';
import { TaskPage } from './task-page.tsx';

vi.mock('sonner', () => ({ toast: { error: vi.fn(), success: vi.fn() } }));

const sam: Member = {
  userId: '00000000-0000-4000-8000-00000000000a',
  name: 'Sam',
  email: 'sam@example.com',
  role: 'member',
  joinedAt: '2026-01-01T00:00:00.000Z',
};
const task = {
  ...aTask({ title: 'Plan the offsite', position: 'a0' }),
  status: 'in_progress' as const,
  description: 'Book **the venue**',
};
const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();
const mine: Comment = {
  id: '55555555-5555-4555-8555-555555555555',
  taskId: task.id,
  workspaceId,
  authorId: sam.userId,
  body: 'First draft',
  createdAt: minutesAgo(30),
  updatedAt: minutesAgo(30),
  editedAt: null,
  version: 1,
};
const moved: HistoryEntry = {
  id: '66666666-6666-4666-8666-666666666666',
  taskId: task.id,
  actorId: sam.userId,
  kind: 'task.updated',
  changes: [{ field: 'status', from: 'todo', to: 'in_progress' }],
  commentId: null,
  attachment: null,
  createdAt: minutesAgo(120),
};

/**
 * The API: the comment was edited elsewhere (version 2) before this page's first edit; the task
 * has the `files` given, and its history `entries` (the status move by default).
 */
function server({
  files = attachmentList([]),
  entries = [moved],
}: {
  files?: AttachmentList;
  entries?: HistoryEntry[];
} = {}) {
  let current = mine;
  const patches: Request[] = [];
  stubFetch(async (request) => {
    const path = new URL(request.url).pathname;
    if (request.method === 'PATCH') {
      patches.push(request.clone());
      const { body } = (await request.json()) as { body: string };
      if (patches.length === 1) {
        current = { ...mine, body: 'Their text', version: 2, editedAt: minutesAgo(1) };
        const problem = problemBody(412, 'PRECONDITION_FAILED', 'Changed', { current });
        return jsonResponse(problem, { status: 412, type: 'application/problem+json' });
      }
      current = { ...current, body, version: current.version + 1 };
      return jsonResponse(current);
    }
    if (path.endsWith('/comments')) return jsonResponse({ items: [current], nextCursor: null });
    if (path.endsWith('/history')) return jsonResponse({ items: entries, nextCursor: null });
    if (path.endsWith('/attachments')) return jsonResponse(files);
    if (path.endsWith('/label-definitions')) return jsonResponse({ items: [] });
    return jsonResponse(task);
  });
  return patches;
}

function renderTaskPage() {
  return renderPage(() => (
    <TaskPage
      workspaceId={workspaceId}
      taskId={task.id}
      members={[sam]}
      permissions={{ currentUserId: sam.userId, canDeleteAny: false }}
    />
  ));
}

describe('TaskPage', () => {
  it('shows the task, and its history and comments in one timeline', async () => {
    server();
    renderTaskPage();
    expect((await screen.findByTestId('task-page-title')).textContent).toBe('Plan the offsite');
    expect(screen.getByTestId('task-status').textContent).toContain('In progress');
    expect(await screen.findByText('the venue')).toBeTruthy();

    const timeline = await screen.findByTestId('timeline');
    await waitFor(() => expect(within(timeline).getAllByRole('listitem')).toHaveLength(2));
    const [history, comment] = within(timeline).getAllByRole('listitem');
    expect(history?.textContent).toBe('Sam moved this to In progress · 2 hours ago');
    expect(comment?.textContent).toContain('First draft');
  });

  it('edits a comment on its version; after a conflict, shows theirs and sends on it', async () => {
    const patches = server();
    renderTaskPage();
    fireEvent.click(await screen.findByRole('button', { name: 'Edit' }));
    const box = screen.getByRole('combobox', { name: 'Edit comment' });
    fireEvent.change(box, { target: { value: 'My text' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));

    const conflict = await screen.findByTestId('comment-conflict');
    expect(conflict.textContent).toContain('Their text');
    expect(patches[0]?.headers.get('If-Match')).toBe('"1"');

    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(screen.queryByTestId('comment-conflict')).toBeNull());
    expect(patches[1]?.headers.get('If-Match')).toBe('"2"');
    expect(await screen.findByText('My text')).toBeTruthy();
    expect(screen.getByText('(edited)')).toBeTruthy();
  });
});

describe('TaskPage’s files', () => {
  const screenshot = anAttachment({
    taskId: task.id,
    name: 'screenshot.png',
    contentType: 'image/png',
    uploaderId: sam.userId,
    createdAt: minutesAgo(5),
  });
  const notes = anAttachment({ taskId: task.id, name: 'notes.pdf', size: 1_536 });
  const history = (
    kind: HistoryEntry['kind'],
    file: { id: string; name: string },
    minutes: number,
  ) =>
    ({
      ...moved,
      id: `88888888-8888-4888-8888-00000000000${minutes}`,
      kind,
      changes: [],
      attachment: { id: file.id, name: file.name },
      createdAt: minutesAgo(minutes),
    }) satisfies HistoryEntry;
  const pick = async (...files: File[]) => {
    await waitFor(() =>
      expect(screen.getByRole('button', { name: 'Attach files' })).toHaveProperty(
        'disabled',
        false,
      ),
    );
    fireEvent.change(screen.getByTestId('attach-input'), { target: { files } });
  };
  const aFile = (name: string, bytes: number) => new File([new Uint8Array(bytes)], name);

  it('lists them: an image opens its preview in a new tab, any other file downloads', async () => {
    server({ files: attachmentList([screenshot, notes]) });
    renderTaskPage();
    const [image, pdf] = await screen.findAllByTestId('attachment-link');
    expect(image?.getAttribute('href')).toBe(screenshot.previewUrl);
    expect(image?.getAttribute('target')).toBe('_blank');
    expect(image?.getAttribute('rel')).toBe('noopener noreferrer');
    expect(image?.textContent).toContain('screenshot.png');
    expect(image?.textContent).toContain('2.0 KiB · Sam · 5 minutes ago');
    expect(within(image as HTMLElement).getByTestId('attachment-thumbnail')).toHaveProperty(
      'src',
      screenshot.thumbnailUrl,
    );
    expect(pdf?.getAttribute('href')).toBe(notes.downloadUrl);
    expect(pdf?.getAttribute('target')).toBeNull();
    expect(pdf?.textContent).toContain('1.5 KiB · A former member');
    // Sam uploaded the image: Sam may delete it, not the file of someone else.
    expect(screen.getByRole('button', { name: 'Delete screenshot.png' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Delete notes.pdf' })).toBeNull();
  });

  it('shows each upload’s progress, then the file among the others once the API has it', async () => {
    const files = attachmentList([]);
    server({ files });
    const sent = stubXhr();
    renderTaskPage();
    await pick(aFile('plan.pdf', 1_000));
    const bar = await screen.findByRole('progressbar', { name: 'Uploading plan.pdf' });
    expect(bar.getAttribute('aria-valuenow')).toBe('0');
    const [xhr] = sent;
    expect(xhr?.url).toMatch(`/tasks/${task.id}/attachments`);
    const form = xhr?.body;
    expect(form instanceof FormData ? form.get('file') : null).toHaveProperty('name', 'plan.pdf');

    xhr?.progress(400, 1_000);
    await waitFor(() => expect(bar.getAttribute('aria-valuenow')).toBe('40'));
    expect(screen.getByTestId('upload').textContent).toContain('40%');

    const plan = anAttachment({ taskId: task.id, name: 'plan.pdf' });
    files.items.push(plan);
    xhr?.respond(201, plan);
    await waitFor(() => expect(screen.queryByRole('progressbar')).toBeNull());
    expect(screen.getByTestId('attachment-link').textContent).toContain('plan.pdf');
  });

  it('cancels an upload in flight', async () => {
    server();
    const sent = stubXhr();
    renderTaskPage();
    await pick(aFile('big.zip', 1_000));
    fireEvent.click(await screen.findByRole('button', { name: 'Cancel uploading big.zip' }));
    await waitFor(() => expect(screen.queryByTestId('upload')).toBeNull());
    expect(sent[0]?.aborted).toBe(true);
  });

  it('refuses a file larger than the API takes without sending any of it', async () => {
    server({ files: { ...attachmentList([]), upload: { maxBytes: 1_024, direct: false } } });
    const sent = stubXhr();
    renderTaskPage();
    await pick(aFile('huge.zip', 2_048), aFile('small.txt', 10));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe('huge.zip is 2.0 KiB: a file can be at most 1.0 KiB.');
    expect(sent.map((xhr) => (xhr.body as FormData).get('file'))).toMatchObject([
      { name: 'small.txt' },
    ]);
    fireEvent.click(screen.getByRole('button', { name: 'Dismiss huge.zip' }));
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('says why the API refused a file', async () => {
    server();
    const sent = stubXhr();
    renderTaskPage();
    await pick(aFile('page.svg', 100));
    await screen.findByRole('progressbar');
    const problem = problemBody(
      415,
      'FILE_TYPE_NOT_ALLOWED',
      'Files of this type cannot be attached',
    );
    sent[0]?.respond(415, { ...problem, detail: 'SVG images cannot be attached' });
    expect((await screen.findByRole('alert')).textContent).toBe('SVG images cannot be attached.');
  });

  it('attaches files dropped anywhere on the page, showing where they go while dragged', async () => {
    server();
    const sent = stubXhr();
    renderTaskPage();
    await screen.findByRole('button', { name: 'Attach files' });
    await waitFor(() =>
      expect(screen.getByRole('button', { name: 'Attach files' })).toHaveProperty(
        'disabled',
        false,
      ),
    );
    const dataTransfer = { types: ['Files'], files: [aFile('dropped.png', 10)] };
    fireEvent.dragEnter(window, { dataTransfer });
    expect(await screen.findByTestId('drop-overlay')).toBeTruthy();
    fireEvent.drop(window, { dataTransfer });
    expect(screen.queryByTestId('drop-overlay')).toBeNull();
    await screen.findByRole('progressbar', { name: 'Uploading dropped.png' });
    expect(sent).toHaveLength(1);
  });

  it('tells in the history who attached and removed what, with the image still there', async () => {
    server({
      files: attachmentList([screenshot]),
      entries: [
        history('attachment.removed', notes, 2),
        history('attachment.added', screenshot, 3),
      ],
    });
    renderTaskPage();
    const timeline = await screen.findByTestId('timeline');
    await waitFor(() =>
      expect(within(timeline).getAllByTestId('timeline-history')).toHaveLength(2),
    );
    const [added, removed] = within(timeline).getAllByTestId('timeline-history');
    expect(added?.textContent).toBe('Sam attached screenshot.png · 3 minutes ago');
    await waitFor(() =>
      expect(within(added as HTMLElement).getByTestId('timeline-thumbnail')).toHaveProperty(
        'src',
        screenshot.thumbnailUrl,
      ),
    );
    expect(removed?.textContent).toBe('Sam removed notes.pdf · 2 minutes ago');
    expect(within(removed as HTMLElement).queryByRole('img')).toBeNull();
  });
});

describe('TaskPage’s address', () => {
  it('copies the task’s address, and says so', async () => {
    server();
    const writeText = vi.fn(async (_text: string) => undefined);
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    try {
      renderTaskPage();
      fireEvent.click(await screen.findByRole('button', { name: 'Copy link' }));
      await waitFor(() => expect(screen.getByText('Copied')).toBeTruthy());
      expect(screen.getByText('Copied').getAttribute('aria-live')).toBe('polite');
      expect(writeText).toHaveBeenCalledWith(
        `${window.location.origin}/w/${workspaceId}/t/${task.id}`,
      );
    } finally {
      Reflect.deleteProperty(navigator, 'clipboard');
    }
  });
});

describe('TaskPage of a task deleted while it is open', () => {
  const alex: Member = { ...sam, userId: '00000000-0000-4000-8000-00000000000b', name: 'Alex' };
  const restored = { ...task, version: task.version + 1 };

  /** The API, on which the task is deleted once `deleted.now` is set; Restore brings it back. */
  function deletingServer() {
    const deleted = { now: false };
    const restores: string[] = [];
    stubFetch((request) => {
      const path = new URL(request.url).pathname;
      if (request.method === 'POST' && path.endsWith('/restore')) {
        restores.push(path);
        deleted.now = false;
        return jsonResponse(restored);
      }
      if (path.endsWith('/comments')) return jsonResponse({ items: [], nextCursor: null });
      if (path.endsWith('/history')) return jsonResponse({ items: [], nextCursor: null });
      if (path.endsWith('/attachments')) return jsonResponse(attachmentList([]));
      if (deleted.now) {
        return jsonResponse(problemBody(404, 'NOT_FOUND', 'Not found'), {
          status: 404,
          type: 'application/problem+json',
        });
      }
      return jsonResponse(task);
    });
    return { deleted, restores };
  }

  function renderOpenPage() {
    return renderPage(() => (
      <TaskPage
        workspaceId={workspaceId}
        taskId={task.id}
        members={[sam, alex]}
        permissions={{ currentUserId: sam.userId, canDeleteAny: false }}
      />
    ));
  }

  const deletedBy = (actorId: string | null) =>
    ({
      id: '7',
      type: 'task.deleted',
      workspaceId,
      actorId,
      createdAt: minutesAgo(3),
      data: { taskId: task.id },
    }) as const;

  it('says who deleted it and when, live, and Restore brings it back', async () => {
    const { deleted, restores } = deletingServer();
    const { queryClient } = renderOpenPage();
    await screen.findByTestId('task-page-title');

    deleted.now = true;
    act(() => applyTaskEvent(queryClient, deletedBy(alex.userId)));
    const notice = await screen.findByTestId('task-deleted');
    expect(within(notice).getByRole('heading', { level: 1 }).textContent).toBe(
      'This task was deleted',
    );
    expect(within(notice).getByRole('alert').textContent).toContain('“Plan the offsite”');
    expect(screen.getByTestId('task-deleted-by').textContent).toBe(
      'Alex deleted it 3 minutes ago.',
    );
    expect(within(notice).getByRole('link', { name: 'Back to the board' })).toHaveProperty(
      'pathname',
      `/w/${workspaceId}`,
    );
    expect(screen.queryByTestId('task-page-title')).toBeNull();
    expect(screen.queryByRole('alert', { name: /does not exist/ })).toBeNull();

    fireEvent.click(within(notice).getByRole('button', { name: 'Restore' }));
    expect((await screen.findByTestId('task-page-title')).textContent).toBe('Plan the offsite');
    expect(restores).toEqual([`/api/v1/workspaces/${workspaceId}/tasks/${task.id}/restore`]);
    expect(screen.queryByTestId('task-deleted')).toBeNull();
  });

  it('comes back when a live event says the task was restored', async () => {
    const { deleted } = deletingServer();
    const { queryClient } = renderOpenPage();
    await screen.findByTestId('task-page-title');
    deleted.now = true;
    act(() => applyTaskEvent(queryClient, deletedBy(sam.userId)));
    expect((await screen.findByTestId('task-deleted-by')).textContent).toBe(
      'You deleted it 3 minutes ago.',
    );

    deleted.now = false;
    act(() =>
      applyTaskEvent(queryClient, {
        ...deletedBy(alex.userId),
        type: 'task.restored',
        data: { task: restored },
      }),
    );
    expect((await screen.findByTestId('task-page-title')).textContent).toBe('Plan the offsite');
    expect(screen.queryByTestId('task-deleted')).toBeNull();
  });

  it('says the task was deleted when it answers 404 on a refetch, without who or when', async () => {
    const { deleted } = deletingServer();
    const { queryClient } = renderOpenPage();
    await screen.findByTestId('task-page-title');
    deleted.now = true;
    await act(() =>
      queryClient.invalidateQueries({ queryKey: taskKeys.detail(workspaceId, task.id) }),
    );
    const notice = await screen.findByTestId('task-deleted');
    expect(notice.textContent).toContain('“Plan the offsite”');
    expect(screen.queryByTestId('task-deleted-by')).toBeNull();
    expect(within(notice).getByRole('button', { name: 'Restore' })).toBeTruthy();
  });
});

describe('TaskPage’s timeline, paged', () => {
  const comment = (id: string, minutes: number): Comment => ({
    ...mine,
    id: `55555555-5555-4555-8555-00000000000${id}`,
    body: `Comment ${id}`,
    createdAt: minutesAgo(minutes),
    updatedAt: minutesAgo(minutes),
  });
  const change = (id: string, minutes: number): HistoryEntry => ({
    ...moved,
    id: `66666666-6666-4666-8666-00000000000${id}`,
    createdAt: minutesAgo(minutes),
  });
  // Comments come oldest first, history newest first: a page of each does not meet.
  const commentPages = [[comment('1', 100)], [comment('2', 50)], [comment('3', 5)]];
  const historyPages = [[change('2', 10)], [change('1', 90)]];

  /** The API: comments and history a page at a time; the cursor is the next page's index. */
  function pagedServer() {
    const asked: string[] = [];
    stubFetch((request) => {
      const url = new URL(request.url);
      const page = Number(url.searchParams.get('cursor') ?? 0);
      const pageOf = (pages: unknown[][]) =>
        jsonResponse({
          items: pages[page],
          nextCursor: page + 1 < pages.length ? String(page + 1) : null,
        });
      if (url.pathname.endsWith('/comments')) {
        asked.push(`comments ${page}`);
        return pageOf(commentPages);
      }
      if (url.pathname.endsWith('/history')) {
        asked.push(`history ${page}`);
        return pageOf(historyPages);
      }
      if (url.pathname.endsWith('/attachments')) return jsonResponse(attachmentList([]));
      return jsonResponse(task);
    });
    return asked;
  }

  const shown = () =>
    within(screen.getByTestId('timeline'))
      .queryAllByRole('listitem')
      .map((item) =>
        item.dataset.testid === 'timeline-history'
          ? `moved ${item.textContent?.split(' · ')[1]}`
          : item.querySelector('[data-testid="markdown"]')?.textContent,
      );

  it('shows only the time both lists are loaded for, and loads more where the gap is', async () => {
    const asked = pagedServer();
    renderTaskPage();
    await screen.findByTestId('timeline-gap');
    expect(shown()).toEqual([]);

    // Newer comments: as many pages as it takes to reach the history loaded.
    fireEvent.click(screen.getByRole('button', { name: 'Show newer activity' }));
    await waitFor(() => expect(shown()).toEqual(['moved 10 minutes ago', 'Comment 3']));
    expect(asked.filter((call) => call.startsWith('comments'))).toEqual([
      'comments 0',
      'comments 1',
      'comments 2',
    ]);
    expect(screen.queryByRole('button', { name: 'Show newer activity' })).toBeNull();
    expect(screen.queryByTestId('timeline-gap')).toBeNull();

    // Older history: what was hidden before the first item comes in, in its place.
    fireEvent.click(screen.getByRole('button', { name: 'Show older activity' }));
    await waitFor(() =>
      expect(shown()).toEqual([
        'Comment 1',
        'moved 1 hour ago',
        'Comment 2',
        'moved 10 minutes ago',
        'Comment 3',
      ]),
    );
    expect(screen.queryByRole('button', { name: 'Show older activity' })).toBeNull();
  });
});
