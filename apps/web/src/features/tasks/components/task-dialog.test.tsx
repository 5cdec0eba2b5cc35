import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { jsonResponse, stubFetch } from '../../../test/fetch.ts';
import { problemBody } from '../../../test/problem.ts';
import { renderPage } from '../../../test/render.tsx';
import { aTask, workspaceId } from '../../../test/tasks.ts';
import { taskKeys } from '../api/task-keys.ts';
import { TaskDialog } from './task-dialog.tsx';

vi.mock('sonner', () => ({ toast: { error: vi.fn(), success: vi.fn() } }));

const mine = aTask({ title: 'Plan the offsite', position: 'a0' });
const theirs = { ...mine, title: 'Plan the team offsite', priority: 'high' as const, version: 2 };

const isFollow = (request: Request) => new URL(request.url).pathname.endsWith('/follow');

/** The API: the task reads as `mine` until the first save, which someone else's beat. */
function server() {
  let current = mine;
  let following = false;
  const patches: Request[] = [];
  const fetchMock = stubFetch(async (request) => {
    if (isFollow(request)) {
      if (request.method !== 'GET') following = request.method === 'PUT';
      return jsonResponse({ following });
    }
    if (request.method === 'GET') return jsonResponse(current);
    patches.push(request.clone());
    if (patches.length === 1) {
      current = theirs;
      const body = problemBody(412, 'PRECONDITION_FAILED', 'Changed', {
        current,
      });
      return jsonResponse(body, { status: 412, type: 'application/problem+json' });
    }
    current = { ...current, ...((await request.json()) as object), version: current.version + 1 };
    return jsonResponse(current);
  });
  return { fetchMock, patches };
}

async function saveOverTheirs() {
  const onClose = vi.fn();
  const view = renderPage(() => (
    <TaskDialog workspaceId={workspaceId} taskId={mine.id} members={[]} onClose={onClose} />
  ));
  const title = await screen.findByLabelText('Title');
  fireEvent.change(title, { target: { value: 'Plan the spring offsite' } });
  fireEvent.click(screen.getByRole('button', { name: 'Save changes' }));
  const conflict = await screen.findByRole('dialog', {
    name: 'This task was changed by someone else',
  });
  return { ...view, onClose, conflict };
}

describe('TaskDialog conflicts', () => {
  it('shows their version beside the edit', async () => {
    server();
    const { conflict } = await saveOverTheirs();
    expect(conflict.querySelector('[data-testid="theirs-title"]')?.textContent).toBe(
      'Plan the team offsite',
    );
    expect(conflict.querySelector('[data-testid="mine-title"]')?.textContent).toBe(
      'Plan the spring offsite',
    );
    // Only the edited field is compared: the priority they changed is not part of this edit.
    expect(conflict.querySelector('[data-testid="theirs-priority"]')).toBeNull();
  });

  it('“Keep mine” sends the same edit again on the current version', async () => {
    const { patches } = server();
    const { onClose } = await saveOverTheirs();
    fireEvent.click(screen.getByRole('button', { name: 'Keep mine' }));
    await waitFor(() => expect(onClose).toHaveBeenCalled());
    expect(patches.map((r) => r.headers.get('if-match'))).toEqual(['"1"', '"2"']);
    expect(await patches[1]?.json()).toEqual({ title: 'Plan the spring offsite' });
  });

  it('“Use theirs” drops the edit and keeps their version in the cache', async () => {
    const { patches } = server();
    const { onClose, queryClient } = await saveOverTheirs();
    fireEvent.click(screen.getByRole('button', { name: 'Use theirs' }));
    expect(onClose).toHaveBeenCalled();
    expect(patches).toHaveLength(1);
    expect(queryClient.getQueryData(taskKeys.detail(workspaceId, mine.id))).toMatchObject({
      title: 'Plan the team offsite',
      version: 2,
    });
  });
});

describe('TaskDialog with live updates', () => {
  it('saves on the version it opened with, so a change that arrived meanwhile is a conflict', async () => {
    const { patches } = server();
    const { queryClient } = renderPage(() => (
      <TaskDialog workspaceId={workspaceId} taskId={mine.id} members={[]} onClose={vi.fn()} />
    ));
    const title = await screen.findByLabelText('Title');
    queryClient.setQueryData(taskKeys.detail(workspaceId, mine.id), theirs);
    fireEvent.change(title, { target: { value: 'Plan the spring offsite' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save changes' }));
    await screen.findByRole('dialog', { name: 'This task was changed by someone else' });
    expect(patches.map((r) => r.headers.get('if-match'))).toEqual(['"1"']);
  });

  it('follows the task and stops following it', async () => {
    const { fetchMock } = server();
    renderPage(() => (
      <TaskDialog workspaceId={workspaceId} taskId={mine.id} members={[]} onClose={vi.fn()} />
    ));
    const toggle = await screen.findByRole('button', { name: 'Follow', pressed: false });
    await waitFor(() => expect(toggle).toHaveProperty('disabled', false));
    fireEvent.click(toggle);
    await screen.findByRole('button', { name: 'Following', pressed: true });
    fireEvent.click(screen.getByRole('button', { name: 'Following' }));
    await screen.findByRole('button', { name: 'Follow', pressed: false });
    const writes = fetchMock.mock.calls
      .map(([input]) => input as Request)
      .filter((r) => isFollow(r) && r.method !== 'GET');
    expect(writes.map((r) => r.method)).toEqual(['PUT', 'DELETE']);
  });
});

describe('TaskDialog field errors', () => {
  it('shows what the API says about a field beside that field', async () => {
    const member = {
      userId: '33333333-3333-4333-8333-333333333333',
      name: 'Grace',
      email: 'grace@example.test',
      role: 'member' as const,
      joinedAt: '2026-01-01T00:00:00.000Z',
    };
    stubFetch((request) => {
      if (isFollow(request)) return jsonResponse({ following: false });
      if (request.method === 'GET') return jsonResponse(mine);
      const body = problemBody(400, 'VALIDATION_FAILED', 'Invalid', {
        errors: [
          { path: 'body.assigneeId', message: 'The assignee must be a member of the workspace' },
        ],
      });
      return jsonResponse(body, { status: 400, type: 'application/problem+json' });
    });
    const onClose = vi.fn();
    renderPage(() => (
      <TaskDialog workspaceId={workspaceId} taskId={mine.id} members={[member]} onClose={onClose} />
    ));
    fireEvent.change(await screen.findByLabelText('Assignee'), {
      target: { value: member.userId },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Save changes' }));
    const error = await screen.findByTestId('assigneeId-error');
    expect(error.textContent).toBe('The assignee must be a member of the workspace');
    expect(screen.getByLabelText('Assignee').getAttribute('aria-invalid')).toBe('true');
    expect(onClose).not.toHaveBeenCalled();
  });
});

describe('TaskDialog with unsaved edits', () => {
  async function openDialog() {
    server();
    const onClose = vi.fn();
    renderPage(() => (
      <TaskDialog workspaceId={workspaceId} taskId={mine.id} members={[]} onClose={onClose} />
    ));
    const title = (await screen.findByLabelText('Title')) as HTMLInputElement;
    return { onClose, title };
  }

  const pressEscape = () =>
    fireEvent.keyDown(document.activeElement ?? document.body, { key: 'Escape' });
  const confirmation = () => screen.queryByRole('dialog', { name: 'Discard changes?' });

  it('closes at once when nothing was edited', async () => {
    const { onClose } = await openDialog();
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(onClose).toHaveBeenCalledTimes(1);
    expect(confirmation()).toBeNull();
  });

  it('asks before Escape drops an edit; “Keep editing” keeps it', async () => {
    const { onClose, title } = await openDialog();
    fireEvent.change(title, { target: { value: 'Plan the spring offsite' } });
    pressEscape();
    const asked = await screen.findByRole('dialog', { name: 'Discard changes?' });
    expect(onClose).not.toHaveBeenCalled();
    // Keeping the edit is the default: it has the focus.
    expect(document.activeElement?.textContent).toBe('Keep editing');
    fireEvent.click(within(asked).getByRole('button', { name: 'Keep editing' }));
    await waitFor(() => expect(confirmation()).toBeNull());
    expect(onClose).not.toHaveBeenCalled();
    expect((screen.getByLabelText('Title') as HTMLInputElement).value).toBe(
      'Plan the spring offsite',
    );
  });

  it('closes without saving once Cancel’s question is answered “Discard changes”', async () => {
    const { onClose, title } = await openDialog();
    fireEvent.change(title, { target: { value: 'Plan the spring offsite' } });
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    const asked = await screen.findByRole('dialog', { name: 'Discard changes?' });
    fireEvent.click(within(asked).getByRole('button', { name: 'Discard changes' }));
    expect(onClose).toHaveBeenCalledTimes(1);
  });

  it('does not ask when an edit was undone by hand', async () => {
    const { onClose, title } = await openDialog();
    fireEvent.change(title, { target: { value: 'Plan the spring offsite' } });
    fireEvent.change(title, { target: { value: mine.title } });
    pressEscape();
    expect(onClose).toHaveBeenCalledTimes(1);
    expect(confirmation()).toBeNull();
  });
});
