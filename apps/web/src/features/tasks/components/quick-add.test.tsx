import { fireEvent, screen, waitFor } from '@testing-library/react';
import { createRef } from 'react';
import { toast } from 'sonner';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse, stubFetch } from '../../../test/fetch.ts';
import { problemBody } from '../../../test/problem.ts';
import { renderPage } from '../../../test/render.tsx';
import { aTask, workspaceId } from '../../../test/tasks.ts';
import type { BoardSearch } from '../model/board-search.ts';
import type { Member } from '../model/task-types.ts';
import { QuickAdd } from './quick-add.tsx';

vi.mock('sonner', () => ({ toast: vi.fn() }));

const sam: Member = {
  userId: '33333333-3333-4333-8333-333333333333',
  name: 'Sam Lee',
  email: 'sam@example.test',
  role: 'member',
  joinedAt: '2026-01-01T00:00:00.000Z',
};

/** The API: the workspace's labels, and tasks created from what is posted (or a refusal). */
function server({ refuse = false } = {}) {
  const posted: unknown[] = [];
  stubFetch(async (request) => {
    const path = new URL(request.url).pathname;
    if (path.endsWith('/labels')) return jsonResponse({ items: ['Web'] });
    if (request.method === 'POST') {
      const body = (await request.json()) as { title: string };
      posted.push(body);
      if (refuse) {
        const problem = problemBody(400, 'VALIDATION_FAILED', 'Invalid', {
          errors: [{ path: 'body.title', message: 'Use printable characters only' }],
        });
        return jsonResponse(problem, { status: 400, type: 'application/problem+json' });
      }
      return jsonResponse(aTask({ ...body, position: 'a0' }), { status: 201 });
    }
    return jsonResponse({ items: [], nextCursor: null });
  });
  return posted;
}

async function renderQuickAdd(search: BoardSearch = {}) {
  const onShowAll = vi.fn();
  const { queryClient } = renderPage(() => (
    <QuickAdd
      workspaceId={workspaceId}
      inputRef={createRef()}
      members={[sam]}
      search={search}
      onShowAll={onShowAll}
    />
  ));
  const field = (await screen.findByLabelText('Add a task')) as HTMLInputElement;
  return { field, onShowAll, queryClient };
}

const chips = () =>
  screen.queryAllByTestId('quick-add-chip').map((chip) => [chip.dataset.kind, chip.textContent]);

beforeEach(() => {
  // Only the clock: a Wednesday, 9 December 2026, in the test's zone (UTC).
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2026-12-09T15:00:00Z'));
});

afterEach(() => {
  vi.useRealTimers();
  vi.mocked(toast).mockReset();
});

describe('QuickAdd', () => {
  it('previews what the line sets before Enter, and sends it with the title', async () => {
    const posted = server();
    const { field } = await renderQuickAdd();
    fireEvent.change(field, { target: { value: 'Ship tomorrow !high #web @sam' } });
    expect(chips()).toEqual([
      ['date', 'Due Thu, Dec 10'],
      ['priority', 'High priority'],
      // Before the labels arrive the line keeps the spelling as typed.
      ['label', expect.stringMatching(/^#(web|Web)$/)],
      ['assignee', 'Assigned to Sam Lee'],
    ]);
    expect(field.getAttribute('aria-describedby')).toBe('quick-add-preview');
    // Once the workspace's labels are known, an existing label keeps its spelling.
    await waitFor(() => expect(chips()[2]).toEqual(['label', '#Web']));

    fireEvent.submit(field);
    await waitFor(() => expect(posted).toHaveLength(1));
    expect(posted[0]).toMatchObject({
      title: 'Ship',
      dueDate: '2026-12-10',
      priority: 'high',
      labels: ['Web'],
      assigneeId: sam.userId,
    });
    expect(field.value).toBe('');
    expect(chips()).toEqual([]);
  });

  it('leaves an unknown mention in the title, with no chip for it', async () => {
    server();
    const { field } = await renderQuickAdd();
    fireEvent.change(field, { target: { value: 'Ask @nobody' } });
    expect(chips()).toEqual([]);
  });

  it('refuses a line with no title, and the error goes with the next edit', async () => {
    const posted = server();
    const { field } = await renderQuickAdd();
    fireEvent.change(field, { target: { value: 'tomorrow !high' } });
    fireEvent.submit(field);
    expect((await screen.findByTestId('title-error')).textContent).toBe('Enter a title');
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect(posted).toHaveLength(0);

    fireEvent.change(field, { target: { value: 'Plan tomorrow !high' } });
    expect(screen.queryByTestId('title-error')).toBeNull();
    expect(field.getAttribute('aria-invalid')).toBeNull();
  });

  it('drops the error of an empty field once the field is left', async () => {
    server();
    const { field } = await renderQuickAdd();
    fireEvent.submit(field);
    await screen.findByTestId('title-error');
    fireEvent.blur(field);
    expect(screen.queryByTestId('title-error')).toBeNull();
  });

  it('gives the line back with the API’s reason when the task is refused', async () => {
    server({ refuse: true });
    const { field } = await renderQuickAdd();
    fireEvent.change(field, { target: { value: 'Odd title !low' } });
    fireEvent.submit(field);
    expect((await screen.findByTestId('title-error')).textContent).toBe(
      'Use printable characters only',
    );
    expect(field.value).toBe('Odd title !low');
  });

  it('says so when the board’s filters hide the new task, and Show clears them', async () => {
    server();
    const { field, onShowAll } = await renderQuickAdd({ priority: ['low'] });
    fireEvent.change(field, { target: { value: 'Hot fix !urgent' } });
    fireEvent.submit(field);
    await waitFor(() => expect(toast).toHaveBeenCalledTimes(1));
    const [message, options] = vi.mocked(toast).mock.calls[0] ?? [];
    expect(message).toBe('Added “Hot fix”, which the board’s filters hide.');
    const action = options?.action as { label: string; onClick: () => void };
    expect(action.label).toBe('Show');
    action.onClick();
    expect(onShowAll).toHaveBeenCalledTimes(1);
  });

  it('says nothing when the new task is on the board', async () => {
    const posted = server();
    const { field, queryClient } = await renderQuickAdd({ priority: ['urgent'] });
    fireEvent.change(field, { target: { value: 'Hot fix !urgent' } });
    fireEvent.submit(field);
    await waitFor(() => expect(posted).toHaveLength(1));
    await waitFor(() => expect(queryClient.isMutating()).toBe(0));
    expect(toast).not.toHaveBeenCalled();
  });
});
