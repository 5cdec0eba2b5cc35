import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { Markdown } from '../../../components/markdown/markdown.tsx';
import { createQueryClient } from '../../../lib/query-client.ts';
import { jsonResponse, stubFetch } from '../../../test/fetch.ts';
import { problemBody } from '../../../test/problem.ts';
import { renderPage } from '../../../test/render.tsx';
import { aTask, pagesOf, workspaceId } from '../../../test/tasks.ts';
import { applyTaskEvent } from '../api/live-task-events.ts';
import { taskKeys } from '../api/task-keys.ts';
import type { Task } from '../model/task-types.ts';
import { TaskReferenceLink } from './task-reference-link.tsx';

const onBoard = aTask({ title: 'Book the venue', position: 'a0' });
const elsewhere = aTask({ title: 'Print the badges', position: 'a1' });
const gone = aTask({ title: 'Old plan', position: 'a2' });
const pathOf = (task: Task) => `/w/${task.workspaceId}/t/${task.id}`;
const urlOf = (task: Task) => `${window.location.origin}${pathOf(task)}`;

/**
 * The API: `tasks` by id; any other task is not found. Until `answer` is called, if `held`, it
 * keeps its answers back. Returns the paths asked for, and `answer`.
 */
function server(tasks: Task[], { held = false } = {}) {
  const asked: string[] = [];
  const { promise: answered, resolve: answer } = Promise.withResolvers<void>();
  if (!held) answer();
  stubFetch(async (request) => {
    const path = new URL(request.url).pathname;
    asked.push(path);
    await answered;
    const task = tasks.find((candidate) => path.endsWith(`/tasks/${candidate.id}`));
    if (task) return jsonResponse(task);
    return jsonResponse(problemBody(404, 'NOT_FOUND', 'Not found'), {
      status: 404,
      type: 'application/problem+json',
    });
  });
  return { asked, answer };
}

/** Markdown with the app's task links, over a cache holding a board list with `onBoard`. */
function renderText(text: string) {
  const queryClient = createQueryClient();
  queryClient.setQueryData(taskKeys.list(workspaceId, {}), pagesOf([[onBoard]]));
  return renderPage(() => <Markdown text={text} taskLink={TaskReferenceLink} />, { queryClient });
}

describe('TaskReferenceLink', () => {
  it('names a task on a loaded board by its title, asks nothing, and opens it in the app', async () => {
    const { asked } = server([]);
    const { router } = renderText(`Blocked by ${urlOf(onBoard)}.`);
    const link = await screen.findByRole('link', { name: 'Book the venue' });
    expect(link.getAttribute('href')).toBe(pathOf(onBoard));
    expect(link.getAttribute('target')).toBeNull();
    expect(asked).toEqual([]);

    fireEvent.click(link);
    await waitFor(() => expect(router.state.location.pathname).toBe(pathOf(onBoard)));
  });

  it('keeps the writer’s own words for the link', async () => {
    server([]);
    renderText(`[the venue task](${pathOf(onBoard)})`);
    const link = await screen.findByRole('link', { name: 'the venue task' });
    expect(link.getAttribute('href')).toBe(pathOf(onBoard));
  });

  it('asks once for a task not in the cache, however many links name it', async () => {
    const { asked, answer } = server([elsewhere], { held: true });
    renderText(`${urlOf(elsewhere)} and again ${urlOf(elsewhere)}, [here](${pathOf(elsewhere)})`);
    // Until the API answers, a short id names the task.
    const links = await screen.findAllByTestId('task-reference');
    expect(links.map((link) => link.textContent)).toEqual([
      `Task ${elsewhere.id.slice(0, 8)}`,
      `Task ${elsewhere.id.slice(0, 8)}`,
      'here',
    ]);
    answer();
    await waitFor(() =>
      expect(screen.getAllByRole('link', { name: 'Print the badges' })).toHaveLength(2),
    );
    expect(screen.getByRole('link', { name: 'here' }).getAttribute('title')).toBe(
      'Print the badges',
    );
    expect(asked).toEqual([`/api/v1/workspaces/${workspaceId}/tasks/${elsewhere.id}`]);
  });

  it('strikes a task the API does not find, and links nowhere', async () => {
    server([]);
    renderText(`See ${urlOf(gone)} and [the old plan](${pathOf(gone)})`);
    await waitFor(() => expect(screen.getAllByTestId('task-reference-gone')).toHaveLength(2));
    const [bare, named] = screen.getAllByTestId('task-reference-gone');
    expect(bare?.tagName).toBe('S');
    expect(bare?.textContent).toBe('Task unavailable');
    expect(named?.textContent).toBe('the old plan (task unavailable)');
    expect(screen.queryByRole('link')).toBeNull();
  });

  it('strikes a task as soon as a live event says it was deleted, without asking', async () => {
    const { asked } = server([]);
    const { queryClient } = renderText(urlOf(onBoard));
    await screen.findByRole('link', { name: 'Book the venue' });
    applyTaskEvent(queryClient, {
      id: '1',
      type: 'task.deleted',
      workspaceId,
      actorId: null,
      createdAt: new Date().toISOString(),
      data: { taskId: onBoard.id },
    });
    expect((await screen.findByTestId('task-reference-gone')).textContent).toBe('Task unavailable');
    expect(asked).toEqual([]);
  });
});
