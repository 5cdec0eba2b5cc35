import type { Comment, HistoryEntry } from './comment-types.ts';

type TimelineItem =
  | { kind: 'comment'; at: string; comment: Comment }
  | { kind: 'history'; at: string; entry: HistoryEntry };

/** What is loaded of one paged list, and whether that is all of it. */
export type Loaded<T> = { items: readonly T[]; complete: boolean };

const time = (item: { createdAt: string }) => Date.parse(item.createdAt);

/**
 * The time both lists are loaded for. Comments come oldest first, so what is loaded of them runs
 * from the start to the last one loaded; history comes newest first, so it runs from the oldest
 * entry loaded to now. Empty (`from > until`) while the two do not meet.
 */
function loadedSpan(
  comments: Loaded<Comment>,
  history: Loaded<HistoryEntry>,
): { from: number; until: number } {
  const from = history.complete
    ? Number.NEGATIVE_INFINITY
    : Math.min(Number.POSITIVE_INFINITY, ...history.items.map(time));
  const until = comments.complete
    ? Number.POSITIVE_INFINITY
    : Math.max(Number.NEGATIVE_INFINITY, ...comments.items.map(time));
  return { from, until };
}

/** Whether the two lists meet, so that a timeline of them shows something. */
export function spanOverlaps(comments: Loaded<Comment>, history: Loaded<HistoryEntry>): boolean {
  const { from, until } = loadedSpan(comments, history);
  return from <= until;
}

/**
 * Comments and history in one list, oldest first, over only the time both are loaded for: a
 * comment older than the history loaded would show without the changes made around it, and
 * history newer than the comments loaded without the comments written between. So whatever is
 * missing lies before the first item (older history) or after the last (newer comments), where
 * the page puts the controls that load it. The history's "commented" entry of a comment that is
 * shown is left out: the comment says it.
 */
export function mergeTimeline(
  comments: Loaded<Comment>,
  history: Loaded<HistoryEntry>,
): TimelineItem[] {
  const { from, until } = loadedSpan(comments, history);
  const within = (item: { createdAt: string }) => time(item) >= from && time(item) <= until;
  const shown = new Set(comments.items.map((comment) => comment.id));
  const items: TimelineItem[] = [
    ...comments.items
      .filter(within)
      .map((comment) => ({ kind: 'comment' as const, at: comment.createdAt, comment })),
    ...history.items
      .filter(within)
      .filter((entry) => !(entry.kind === 'comment.created' && shown.has(entry.commentId ?? '')))
      .map((entry) => ({ kind: 'history' as const, at: entry.createdAt, entry })),
  ];
  return items.sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
}
