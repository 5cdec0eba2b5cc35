import type { QueryClient } from '@tanstack/react-query';
import type { components } from '@taskflow/contract/openapi';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createQueryClient } from '../../../lib/query-client.ts';
import { aTask, pagesOf, workspaceId } from '../../../test/tasks.ts';
import { findTask, type TaskPages } from '../model/task-pages.ts';
import type { Task } from '../model/task-types.ts';
import { applyTaskEvent } from './live-task-events.ts';
import { taskKeys } from './task-keys.ts';

type LiveEvent = components['schemas']['LiveEvent'];

const a = aTask({ title: 'a', position: 'a0' });
const c = aTask({ title: 'c', position: 'a2' });
const todoKey = taskKeys.list(workspaceId, { status: 'todo' });
const doneKey = taskKeys.list(workspaceId, { status: 'done' });
const envelope = { workspaceId, actorId: null, createdAt: '2026-01-01T00:00:00.000Z' };

const changed = (
  task: Task,
  type: 'task.created' | 'task.updated' = 'task.updated',
): LiveEvent => ({
  ...envelope,
  id: '1',
  type,
  data: { task },
});

let queryClient: QueryClient;
const titles = (key: readonly unknown[]) =>
  queryClient.getQueryData<TaskPages>(key)?.pages.flatMap((page) => page.items.map((t) => t.title));
const countsIn = (key: readonly unknown[], task: Task) => {
  const data = queryClient.getQueryData<TaskPages>(key);
  return data && findTask(data, task.id)?.counts;
};
const detail = (task: Task) =>
  queryClient.getQueryData<Task>(taskKeys.detail(workspaceId, task.id));

beforeEach(() => {
  queryClient = createQueryClient();
  queryClient.setQueryData(todoKey, pagesOf([[a, c]]));
  queryClient.setQueryData(doneKey, pagesOf([[]]));
  queryClient.setQueryData(taskKeys.detail(workspaceId, a.id), a);
});

afterEach(() => queryClient.clear());

describe('applyTaskEvent', () => {
  it('puts a new task in the lists it matches, in its place', () => {
    applyTaskEvent(queryClient, changed(aTask({ title: 'b', position: 'a1' }), 'task.created'));
    expect(titles(todoKey)).toEqual(['a', 'b', 'c']);
    expect(titles(doneKey)).toEqual([]);
  });

  it('moves a changed task between lists and updates its detail', () => {
    applyTaskEvent(queryClient, changed({ ...a, status: 'done', version: 2 }));
    expect(titles(todoKey)).toEqual(['c']);
    expect(titles(doneKey)).toEqual(['a']);
    expect(detail(a)).toMatchObject({ status: 'done', version: 2 });
  });

  it('ignores a version the cache already has, such as the echo of its own write', () => {
    const mine = { ...a, title: 'A', version: 3 };
    applyTaskEvent(queryClient, changed(mine));
    applyTaskEvent(queryClient, changed({ ...a, title: 'stale', version: 2 }));
    applyTaskEvent(queryClient, changed({ ...mine, title: 'echo' }));
    expect(titles(todoKey)).toEqual(['A', 'c']);
    expect(detail(a)?.title).toBe('A');
  });

  it('keeps a changed task’s counts, in the list it moves to too; a new task has none', () => {
    const counts = { comments: 2, attachments: 1 };
    queryClient.setQueryData(todoKey, pagesOf([[{ ...a, counts }, c]]));
    applyTaskEvent(queryClient, changed({ ...a, title: 'A', version: 2 }));
    expect(countsIn(todoKey, a)).toEqual(counts);
    applyTaskEvent(queryClient, changed({ ...a, status: 'done', version: 3 }));
    expect(countsIn(todoKey, a)).toBeUndefined();
    expect(countsIn(doneKey, a)).toEqual(counts);
    const b = aTask({ title: 'b', position: 'a1' });
    applyTaskEvent(queryClient, changed(b, 'task.created'));
    expect(countsIn(todoKey, b)).toEqual({ comments: 0, attachments: 0 });
  });

  it('refreshes the lists when a task comes back, for the counts no list knows', () => {
    applyTaskEvent(queryClient, changed({ ...c, version: 2 }));
    expect(queryClient.getQueryState(todoKey)?.isInvalidated).toBe(false);
    applyTaskEvent(queryClient, {
      ...envelope,
      id: '4',
      type: 'task.restored',
      data: { task: { ...a, version: 5 } },
    });
    expect(titles(todoKey)).toEqual(['a', 'c']);
    expect(queryClient.getQueryState(todoKey)?.isInvalidated).toBe(true);
  });

  it('removes a deleted task from every list, and its detail', () => {
    applyTaskEvent(queryClient, {
      ...envelope,
      id: '2',
      type: 'task.deleted',
      data: { taskId: a.id },
    });
    expect(titles(todoKey)).toEqual(['c']);
    expect(detail(a)).toBeUndefined();
  });

  it('records who deleted a task and when, for its page, until it is restored', () => {
    const deletion = () => queryClient.getQueryData(taskKeys.deletion(workspaceId, a.id));
    const deleted = {
      ...envelope,
      id: '2',
      actorId: '22222222-2222-4222-8222-222222222222',
      type: 'task.deleted',
      data: { taskId: a.id },
    } as const;
    applyTaskEvent(queryClient, deleted);
    expect(deletion()).toEqual({
      actorId: deleted.actorId,
      at: envelope.createdAt,
      title: 'a',
    });

    const back = { ...a, version: 2 };
    applyTaskEvent(queryClient, {
      ...envelope,
      id: '3',
      type: 'task.restored',
      data: { task: back },
    });
    expect(deletion()).toBeNull();
    expect(detail(a)).toEqual(back);
    expect(titles(todoKey)).toEqual(['a', 'c']);
  });

  it('refreshes the labels only when a task brings a new one', () => {
    const labelsKey = taskKeys.labels(workspaceId);
    queryClient.setQueryData(labelsKey, { items: ['ops'] });
    applyTaskEvent(queryClient, changed({ ...a, labels: ['ops'], version: 2 }));
    expect(queryClient.getQueryState(labelsKey)?.isInvalidated).toBe(false);
    applyTaskEvent(queryClient, changed({ ...a, labels: ['ops', 'docs'], version: 3 }));
    expect(queryClient.getQueryState(labelsKey)?.isInvalidated).toBe(true);
  });

  it('asks the column counts again on every task event, and only those of its workspace', () => {
    const counted = taskKeys.counts(workspaceId, { label: 'ops' });
    const elsewhere = taskKeys.counts('another', {});
    const fresh = (key: readonly unknown[]) => queryClient.getQueryState(key)?.isInvalidated;
    const byStatus = { byStatus: { todo: 60, in_progress: 0, done: 0 } };
    const reset = () => {
      queryClient.setQueryData(counted, byStatus);
      queryClient.setQueryData(elsewhere, byStatus);
    };
    const events: LiveEvent[] = [
      changed(aTask({ title: 'new', position: 'a3' }), 'task.created'),
      changed({ ...a, status: 'done', version: 2 }),
      { ...envelope, id: '2', type: 'task.deleted', data: { taskId: c.id } },
    ];
    for (const event of events) {
      reset();
      applyTaskEvent(queryClient, event);
      expect(fresh(counted), event.type).toBe(true);
      expect(fresh(elsewhere), event.type).toBe(false);
    }
    reset();
    applyTaskEvent(queryClient, {
      ...envelope,
      id: '3',
      type: 'member.removed',
      data: { userId: '33333333-3333-4333-8333-333333333333' },
    });
    expect(fresh(counted)).toBe(false);
  });

  it('leaves other workspaces and other events alone', () => {
    const before = queryClient.getQueryData(todoKey);
    applyTaskEvent(queryClient, {
      ...envelope,
      id: '3',
      type: 'member.removed',
      data: { userId: '33333333-3333-4333-8333-333333333333' },
    });
    applyTaskEvent(queryClient, changed({ ...a, workspaceId: 'another', version: 9 }));
    expect(queryClient.getQueryData(todoKey)).toBe(before);
  });
});
