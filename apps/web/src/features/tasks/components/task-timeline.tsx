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
import { mergeTimeline } from '../model/timeline.ts';
import { CommentItem, type CommentPermissions } from './comment-item.tsx';

/** What the task page and its timeline are about: the task, its workspace's members, and who may do what. */
export type TaskThreadProps = {
  workspaceId: string;
  taskId: string;
  members: readonly Member[];
  permissions: CommentPermissions;
};

/** Loads the next page of a paged query, while there is one. */
function LoadMore({
  query,
  children,
}: {
  query: { hasNextPage: boolean; isFetchingNextPage: boolean; fetchNextPage: () => unknown };
  children: string;
}) {
  if (!query.hasNextPage) return null;
  return (
    <Button
      variant="secondary"
      size="sm"
      disabled={query.isFetchingNextPage}
      onClick={() => void query.fetchNextPage()}
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

/** A task's comments and history in one list, oldest first, each loaded a page at a time. */
export function TaskTimeline({ workspaceId, taskId, members, permissions }: TaskThreadProps) {
  const comments = useComments(workspaceId, taskId);
  const history = useHistory(workspaceId, taskId);
  const files = useAttachments(workspaceId, taskId).data?.items ?? [];
  const names = new Map(members.map((member) => [member.userId, member.name]));
  const markdownMembers: MarkdownMember[] = members.map((m) => ({ id: m.userId, name: m.name }));
  const items = mergeTimeline(
    comments.data?.pages.flatMap((page) => page.items) ?? [],
    history.data?.pages.flatMap((page) => page.items) ?? [],
  );

  return (
    <section aria-labelledby="timeline-heading" className="space-y-3">
      <h2 id="timeline-heading" className="text-lg font-semibold">
        Activity
      </h2>
      <LoadMore query={history}>Show older activity</LoadMore>
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
      <LoadMore query={comments}>Show more comments</LoadMore>
    </section>
  );
}
