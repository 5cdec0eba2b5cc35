import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { jsonResponse, stubFetch } from '../../../test/fetch.ts';
import { problemBody } from '../../../test/problem.ts';
import { renderPage } from '../../../test/render.tsx';
import { aTask, workspaceId } from '../../../test/tasks.ts';
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

/** The API: the comment was edited elsewhere (version 2) before this page's first edit. */
function server() {
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
    if (path.endsWith('/history')) return jsonResponse({ items: [moved], nextCursor: null });
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
