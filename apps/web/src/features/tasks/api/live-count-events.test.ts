import type { QueryClient } from '@tanstack/react-query';
import type { components } from '@taskflow/contract/openapi';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createQueryClient } from '../../../lib/query-client.ts';
import { aTask, pagesOf, workspaceId } from '../../../test/tasks.ts';
import { findTask, type TaskPages } from '../model/task-pages.ts';
import { applyCountEvent } from './live-count-events.ts';
import { taskKeys } from './task-keys.ts';

type LiveEvent = components['schemas']['LiveEvent'];

const a = aTask({ title: 'a', position: 'a0' });
const b = aTask({ title: 'b', position: 'a1' });
const allKey = taskKeys.list(workspaceId, {});
const todoKey = taskKeys.list(workspaceId, { status: 'todo' });
const envelope = { id: '1', workspaceId, actorId: null, createdAt: '2026-01-01T00:00:00.000Z' };
const commentId = '44444444-4444-4444-8444-444444444444';
const file = { attachmentId: '55555555-5555-4555-8555-555555555555', name: 'plan.pdf' };

const commented = (taskId: string): LiveEvent => ({
  ...envelope,
  type: 'comment.created',
  data: {
    comment: {
      id: commentId,
      taskId,
      workspaceId,
      authorId: null,
      body: 'Hi',
      createdAt: envelope.createdAt,
      updatedAt: envelope.createdAt,
      editedAt: null,
      version: 1,
    },
  },
});
const uncommented = (taskId: string): LiveEvent => ({
  ...envelope,
  type: 'comment.deleted',
  data: { taskId, commentId },
});
const fileEvent = (type: 'attachment.created' | 'attachment.deleted' | 'attachment.updated') =>
  ({ ...envelope, type, data: { taskId: a.id, ...file } }) as LiveEvent;

let queryClient: QueryClient;
const countsIn = (key: readonly unknown[], id: string) => {
  const data = queryClient.getQueryData<TaskPages>(key);
  return data && findTask(data, id)?.counts;
};

beforeEach(() => {
  queryClient = createQueryClient();
  queryClient.setQueryData(allKey, pagesOf([[a, b]]));
  queryClient.setQueryData(todoKey, pagesOf([[{ ...a, counts: { comments: 1, attachments: 0 } }]]));
});

afterEach(() => queryClient.clear());

describe('applyCountEvent', () => {
  it('counts a new comment and a deleted one on the task’s card, in every list', () => {
    applyCountEvent(queryClient, commented(a.id));
    expect(countsIn(allKey, a.id)).toEqual({ comments: 1, attachments: 0 });
    expect(countsIn(todoKey, a.id)).toEqual({ comments: 2, attachments: 0 });
    expect(countsIn(allKey, b.id)).toEqual({ comments: 0, attachments: 0 });
    applyCountEvent(queryClient, uncommented(a.id));
    applyCountEvent(queryClient, uncommented(a.id));
    expect(countsIn(allKey, a.id)).toEqual({ comments: 0, attachments: 0 });
    expect(countsIn(todoKey, a.id)).toEqual({ comments: 0, attachments: 0 });
  });

  it('counts files attached and removed; a thumbnail made changes nothing', () => {
    applyCountEvent(queryClient, fileEvent('attachment.created'));
    applyCountEvent(queryClient, fileEvent('attachment.created'));
    applyCountEvent(queryClient, fileEvent('attachment.updated'));
    expect(countsIn(allKey, a.id)).toEqual({ comments: 0, attachments: 2 });
    applyCountEvent(queryClient, fileEvent('attachment.deleted'));
    expect(countsIn(allKey, a.id)).toEqual({ comments: 0, attachments: 1 });
  });

  it('leaves lists that do not hold the task, and other events, alone', () => {
    const before = queryClient.getQueryData(todoKey);
    applyCountEvent(queryClient, commented(b.id));
    applyCountEvent(queryClient, {
      ...envelope,
      type: 'task.deleted',
      data: { taskId: a.id },
    });
    expect(queryClient.getQueryData(todoKey)).toBe(before);
    expect(countsIn(allKey, b.id)).toEqual({ comments: 1, attachments: 0 });
  });
});
