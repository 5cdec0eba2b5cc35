import { useState } from 'react';
import { humanMessage } from '../../../api/error-message.ts';
import { Button } from '../../../components/button.tsx';
import { FormAlert } from '../../../components/form-alert.tsx';
import type { MarkdownMember } from '../../../components/markdown/index.ts';
import { relativeTime } from '../../../lib/relative-time.ts';
import { useAttachments } from '../api/get-attachments.ts';
import { useComments } from '../api/get-comments.ts';
import { useHistory } from '../api/get-history.ts';
import type { Attachment } from '../model/attachment-types.ts';
import type { HistoryEntry } from '../model/comment-types.ts';
import { historySentence } from '../model/history-sentence.ts';
import type { Member } from '../model/task-types.ts';
import { type Loaded, mergeTimeline, spanOverlaps } from '../model/timeline.ts';
import { CommentItem, type CommentPermissions } from './comment-item.tsx';

/** What the task page and its timeline are about: the task, its workspace's members, and who may do what. */
export type TaskThreadProps = {
  workspaceId: string;
  taskId: string;
  members: readonly Member[];
  permissions: CommentPermissions;
};

/** One loaded page of a list, as the infinite query holds it, and where it goes on from. */
type PagedResult<T> = {
  data?: { pages: { items: T[] }[] };
  hasNextPage: boolean;
  isError: boolean;
  fetchNextPage: () => Promise<PagedResult<T>>;
};

/** What is loaded of a paged list: its items, and whether that is all of them. */
function loadedOf<T>(query: Omit<PagedResult<T>, 'fetchNextPage'>): Loaded<T> {
  return {
    items: query.data?.pages.flatMap((page) => page.items) ?? [],
    complete: query.data !== undefined && !query.hasNextPage,
  };
}

/**
 * Loads the next page, and more while `enough` does not hold of what is loaded: one page when
 * the timeline already shows something, as many as it takes to reach the other list when not,
 * so that every click shows more.
 */
async function loadUntil<T>(
  query: { fetchNextPage: () => Promise<PagedResult<T>> },
  enough: (loaded: Loaded<T>) => boolean,
) {
  let result = await query.fetchNextPage();
  while (result.hasNextPage && !result.isError && !enough(loadedOf(result))) {
    result = await result.fetchNextPage();
  }
}

/** Where the timeline has a gap: loads what fills it. */
function GapButton({
  busy,
  onLoad,
  children,
}: {
  busy: boolean;
  onLoad: () => Promise<void>;
  children: string;
}) {
  const [loading, setLoading] = useState(false);
  return (
    <Button
      variant="secondary"
      size="sm"
      disabled={busy || loading}
      onClick={() => {
        setLoading(true);
        onLoad().finally(() => setLoading(false));
      }}
    >
      {children}
    </Button>
  );
}

/** The thumbnail of an attached image that is still there, opening its preview in a new tab. */
function AttachedImage({ entry, files }: { entry: HistoryEntry; files: readonly Attachment[] }) {
  if (entry.kind !== 'attachment.added') return null;
  const file = files.find((candidate) => candidate.id === entry.attachment?.id);
  if (!file?.thumbnailUrl || !file.previewUrl) return null;
  return (
    <a
      href={file.previewUrl}
      target="_blank"
      rel="noopener noreferrer"
      className="mt-1 block w-fit max-w-full"
    >
      <img
        src={file.thumbnailUrl}
        alt={`${file.name} (opens in a new tab)`}
        className="max-h-40 max-w-full rounded border border-slate-200 dark:border-slate-700"
        data-testid="timeline-thumbnail"
      />
    </a>
  );
}

/**
 * A task's comments and history in one list, oldest first, each loaded a page at a time: comments
 * from the oldest, history from the newest. Only the time both are loaded for is shown, with the
 * control that loads more where the rest would go (see mergeTimeline).
 */
export function TaskTimeline({ workspaceId, taskId, members, permissions }: TaskThreadProps) {
  const comments = useComments(workspaceId, taskId);
  const history = useHistory(workspaceId, taskId);
  const files = useAttachments(workspaceId, taskId).data?.items ?? [];
  const names = new Map(members.map((member) => [member.userId, member.name]));
  const markdownMembers: MarkdownMember[] = members.map((m) => ({ id: m.userId, name: m.name }));
  const loadedComments = loadedOf(comments);
  const loadedHistory = loadedOf(history);
  const items = mergeTimeline(loadedComments, loadedHistory);
  // Only the time both lists are loaded for is shown: older history goes before it, newer
  // comments after it, and the controls that load them are there.
  const olderActivity = history.hasNextPage && (
    <GapButton
      busy={history.isFetchingNextPage}
      onLoad={() => loadUntil(history, (more) => spanOverlaps(loadedComments, more))}
    >
      Show older activity
    </GapButton>
  );
  const newerActivity = comments.hasNextPage && (
    <GapButton
      busy={comments.isFetchingNextPage}
      onLoad={() => loadUntil(comments, (more) => spanOverlaps(more, loadedHistory))}
    >
      Show newer activity
    </GapButton>
  );

  return (
    <section aria-labelledby="timeline-heading" className="space-y-3">
      <h2 id="timeline-heading" className="text-lg font-semibold">
        Activity
      </h2>
      {olderActivity}
      {(comments.isPending || history.isPending) && (
        <p className="text-sm text-slate-600 dark:text-slate-300">Loading the activity…</p>
      )}
      {comments.isError && <FormAlert>{humanMessage(comments.error)}</FormAlert>}
      {history.isError && <FormAlert>{humanMessage(history.error)}</FormAlert>}
      <ol className="space-y-3" data-testid="timeline">
        {items.map((item) =>
          item.kind === 'comment' ? (
            <li key={`c-${item.comment.id}`} data-testid="timeline-comment">
              <CommentItem
                workspaceId={workspaceId}
                comment={item.comment}
                members={members}
                markdownMembers={markdownMembers}
                permissions={permissions}
              />
            </li>
          ) : (
            <li
              key={`h-${item.entry.id}`}
              className="px-3 text-sm text-slate-700 dark:text-slate-300"
              data-testid="timeline-history"
            >
              {historySentence(item.entry, (id) => names.get(id))} ·{' '}
              <time dateTime={item.at} title={new Date(item.at).toLocaleString()}>
                {relativeTime(item.at)}
              </time>
              <AttachedImage entry={item.entry} files={files} />
            </li>
          ),
        )}
      </ol>
      {history.hasNextPage && comments.hasNextPage && items.length === 0 && (
        <p className="text-sm text-slate-600 dark:text-slate-300" data-testid="timeline-gap">
          The oldest comments and the newest changes are loaded, but not what happened between them:
          show older or newer activity.
        </p>
      )}
      {newerActivity}
    </section>
  );
}
