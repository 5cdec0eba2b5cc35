import { describe, expect, it } from 'vitest';
import type { Comment, HistoryEntry } from './comment-types.ts';
import { mergeTimeline } from './timeline.ts';

const at = (minute: number) => `2026-03-10T12:${String(minute).padStart(2, '0')}:00.000Z`;
const comment = (id: string, minute: number): Comment => ({
  id,
  taskId: 't',
  workspaceId: 'w',
  authorId: null,
  body: id,
  createdAt: at(minute),
  updatedAt: at(minute),
  editedAt: null,
  version: 1,
});
const history = (id: string, minute: number, commentId: string | null = null): HistoryEntry => ({
  id,
  taskId: 't',
  actorId: null,
  kind: commentId ? 'comment.created' : 'task.updated',
  changes: [],
  commentId,
  attachment: null,
  createdAt: at(minute),
});

describe('mergeTimeline', () => {
  it('puts comments and history (newest first from the API) in one list, oldest first', () => {
    const items = mergeTimeline(
      [comment('c1', 2), comment('c2', 4)],
      [history('h3', 5), history('h2', 3), history('h1', 1)],
    );
    expect(
      items.map((item) => (item.kind === 'comment' ? item.comment.id : item.entry.id)),
    ).toEqual(['h1', 'c1', 'h2', 'c2', 'h3']);
  });

  it('leaves out "commented" for a comment that is shown, not for one that is not loaded', () => {
    const items = mergeTimeline(
      [comment('c1', 2)],
      [history('h1', 2, 'c1'), history('h2', 3, 'cX')],
    );
    expect(items.map((item) => item.kind)).toEqual(['comment', 'history']);
  });
});
