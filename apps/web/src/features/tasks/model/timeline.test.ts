import { describe, expect, it } from 'vitest';
import type { Comment, HistoryEntry } from './comment-types.ts';
import { mergeTimeline, spanOverlaps } from './timeline.ts';

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

const all = <T>(...items: T[]) => ({ items, complete: true });
const some = <T>(...items: T[]) => ({ items, complete: false });
const ids = (timeline: ReturnType<typeof mergeTimeline>) =>
  timeline.map((item) => (item.kind === 'comment' ? item.comment.id : item.entry.id));

describe('mergeTimeline', () => {
  it('puts comments and history (newest first from the API) in one list, oldest first', () => {
    const timeline = mergeTimeline(
      all(comment('c1', 2), comment('c2', 4)),
      all(history('h3', 5), history('h2', 3), history('h1', 1)),
    );
    expect(ids(timeline)).toEqual(['h1', 'c1', 'h2', 'c2', 'h3']);
  });

  it('leaves out "commented" for a comment that is shown, not for one that is gone', () => {
    const timeline = mergeTimeline(
      all(comment('c1', 2)),
      all(history('h1', 2, 'c1'), history('h2', 3, 'cX')),
    );
    expect(timeline.map((item) => item.kind)).toEqual(['comment', 'history']);
  });

  it('shows nothing older than the history loaded: the gap is before the first item', () => {
    // History from minute 5 on is loaded; c1 at minute 2 may have had changes around it.
    const timeline = mergeTimeline(
      all(comment('c1', 2), comment('c2', 6)),
      some(history('h3', 7), history('h2', 5)),
    );
    expect(ids(timeline)).toEqual(['h2', 'c2', 'h3']);
  });

  it('shows nothing newer than the comments loaded: the gap is after the last item', () => {
    // Comments up to minute 4 are loaded; more may have been written between h3 and h4.
    const timeline = mergeTimeline(
      some(comment('c1', 2), comment('c2', 4)),
      all(history('h4', 8), history('h3', 3), history('h1', 1)),
    );
    expect(ids(timeline)).toEqual(['h1', 'c1', 'h3', 'c2']);
  });

  it('shows only the time both are loaded for when neither is complete', () => {
    const timeline = mergeTimeline(
      some(comment('c1', 1), comment('c2', 3), comment('c3', 5)),
      some(history('h4', 9), history('h3', 4), history('h2', 2)),
    );
    expect(ids(timeline)).toEqual(['h2', 'c2', 'h3', 'c3']);
  });

  it('shows nothing while the two do not meet, rather than the ends out of order', () => {
    const comments = some(comment('c1', 1), comment('c2', 2));
    const entries = some(history('h2', 9), history('h1', 8, 'c9'));
    expect(mergeTimeline(comments, entries)).toEqual([]);
    expect(spanOverlaps(comments, entries)).toBe(false);
    // Once the comments reach the history (or it reaches them), the span is not empty.
    expect(spanOverlaps(some(...comments.items, comment('c9', 8)), entries)).toBe(true);
    expect(spanOverlaps(comments, all(...entries.items, history('h0', 2)))).toBe(true);
  });

  it('includes items at either edge of the span, and shows nothing before anything loads', () => {
    const timeline = mergeTimeline(
      some(comment('c1', 1), comment('c2', 5)),
      some(history('h2', 5), history('h1', 1)),
    );
    expect(ids(timeline)).toEqual(['c1', 'h1', 'c2', 'h2']);
    expect(mergeTimeline(some(), some())).toEqual([]);
    expect(mergeTimeline(some(), all(history('h1', 1)))).toEqual([]);
  });
});
