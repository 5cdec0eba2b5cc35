import type { Comment, HistoryEntry } from './comment-types.ts';

type TimelineItem =
  | { kind: 'comment'; at: string; comment: Comment }
  | { kind: 'history'; at: string; entry: HistoryEntry };

/**
 * Comments and history in one list, oldest first. The history's "commented" entry of a comment
 * that is shown is left out: the comment says it.
 */
export function mergeTimeline(
  comments: readonly Comment[],
  history: readonly HistoryEntry[],
): TimelineItem[] {
  const shown = new Set(comments.map((comment) => comment.id));
  const items: TimelineItem[] = [
    ...comments.map((comment) => ({ kind: 'comment' as const, at: comment.createdAt, comment })),
    ...history
      .filter((entry) => !(entry.kind === 'comment.created' && shown.has(entry.commentId ?? '')))
      .map((entry) => ({ kind: 'history' as const, at: entry.createdAt, entry })),
  ];
  return items.sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
}
