import type { QueryClient } from '@tanstack/react-query';
import type { components } from '@taskflow/contract/openapi';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createQueryClient } from '../../../lib/query-client.ts';
import { aTask, workspaceId } from '../../../test/tasks.ts';
import type { Comment, CommentPages } from '../model/comment-types.ts';
import { applyCommentEvent } from './live-comment-events.ts';
import { taskKeys } from './task-keys.ts';

type LiveEvent = components['schemas']['LiveEvent'];

const taskId = '22222222-2222-4222-8222-222222222222';
const otherTaskId = '33333333-3333-4333-8333-333333333333';
const envelope = { id: '1', workspaceId, actorId: null, createdAt: '2026-01-01T00:00:00.000Z' };
const commentsKey = taskKeys.comments(workspaceId, taskId);
const historyKey = taskKeys.history(workspaceId, taskId);

let counter = 0;
const aComment = (body: string, overrides: Partial<Comment> = {}): Comment => {
  counter += 1;
  return {
    id: `44444444-4444-4444-8444-${String(counter).padStart(12, '0')}`,
    taskId,
    workspaceId,
    authorId: null,
    body,
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    editedAt: null,
    version: 1,
    ...overrides,
  };
};
const pages = (items: Comment[][], nextCursor: string | null = null): CommentPages => ({
  pages: items.map((page, index) => ({
    items: page,
    nextCursor: index === items.length - 1 ? nextCursor : `c${index + 1}`,
  })),
  pageParams: items.map((_, index) => (index === 0 ? null : `c${index}`)),
});

const first = aComment('first');
let queryClient: QueryClient;
const bodies = () =>
  queryClient
    .getQueryData<CommentPages>(commentsKey)
    ?.pages.flatMap((page) => page.items.map((comment) => comment.body));
const historyStale = () => queryClient.getQueryState(historyKey)?.isInvalidated;

beforeEach(() => {
  queryClient = createQueryClient();
  queryClient.setQueryData(commentsKey, pages([[first]]));
  queryClient.setQueryData(historyKey, pages([[]]));
});

afterEach(() => queryClient.clear());

describe('applyCommentEvent', () => {
  it('adds a new comment at the end, and refreshes the history', () => {
    const created: LiveEvent = {
      ...envelope,
      type: 'comment.created',
      data: { comment: aComment('second') },
    };
    applyCommentEvent(queryClient, created);
    applyCommentEvent(queryClient, created);
    expect(bodies()).toEqual(['first', 'second']);
    expect(historyStale()).toBe(true);
  });

  it('leaves a new comment to the page that will bring it while later pages are unloaded', () => {
    queryClient.setQueryData(commentsKey, pages([[first]], 'c1'));
    applyCommentEvent(queryClient, {
      ...envelope,
      type: 'comment.created',
      data: { comment: aComment('second') },
    });
    expect(bodies()).toEqual(['first']);
  });

  it('replaces an edited comment in place, but not with an older version', () => {
    const edit = (body: string, version: number): LiveEvent => ({
      ...envelope,
      type: 'comment.updated',
      data: { comment: { ...first, body, version, editedAt: envelope.createdAt } },
    });
    applyCommentEvent(queryClient, edit('edited', 3));
    applyCommentEvent(queryClient, edit('stale', 2));
    expect(bodies()).toEqual(['edited']);
  });

  it('takes a deleted comment out', () => {
    applyCommentEvent(queryClient, {
      ...envelope,
      type: 'comment.deleted',
      data: { taskId, commentId: first.id },
    });
    expect(bodies()).toEqual([]);
    expect(historyStale()).toBe(true);
  });

  it('refreshes the history of a changed task, and only of that task', () => {
    const task = { ...aTask({ title: 'x', position: 'a0' }), id: otherTaskId };
    applyCommentEvent(queryClient, { ...envelope, type: 'task.updated', data: { task } });
    expect(historyStale()).toBe(false);
    applyCommentEvent(queryClient, {
      ...envelope,
      type: 'task.updated',
      data: { task: { ...task, id: taskId } },
    });
    expect(historyStale()).toBe(true);
  });

  it('leaves comments of other tasks alone', () => {
    applyCommentEvent(queryClient, {
      ...envelope,
      type: 'comment.created',
      data: { comment: aComment('elsewhere', { taskId: otherTaskId }) },
    });
    expect(bodies()).toEqual(['first']);
  });
});
