import { useState } from 'react';
import { Button } from '../../../components/button.tsx';
import { ConfirmDialog } from '../../../components/confirm-dialog.tsx';
import { LazyMarkdown, type MarkdownMember } from '../../../components/markdown/index.ts';
import { relativeTime } from '../../../lib/relative-time.ts';
import { useDeleteComment } from '../api/delete-comment.ts';
import { commentConflictOf, useUpdateComment } from '../api/update-comment.ts';
import type { Comment } from '../model/comment-types.ts';
import type { Member } from '../model/task-types.ts';
import { CommentComposer } from './comment-composer.tsx';
import { TaskReferenceLink } from './task-reference-link.tsx';

export type CommentPermissions = { currentUserId: string; canDeleteAny: boolean };

/**
 * One comment: its author, time and text. Its author edits it in place, on the version shown; if
 * it changed meanwhile, the current text is shown and sending again applies to that one.
 */
export function CommentItem({
  workspaceId,
  comment,
  members,
  markdownMembers,
  permissions,
}: {
  workspaceId: string;
  comment: Comment;
  members: readonly Member[];
  markdownMembers: readonly MarkdownMember[];
  permissions: CommentPermissions;
}) {
  const [editing, setEditing] = useState(false);
  const [conflict, setConflict] = useState<Comment | null>(null);
  const [confirming, setConfirming] = useState(false);
  const update = useUpdateComment(workspaceId, comment.taskId);
  const remove = useDeleteComment(workspaceId, comment.taskId);
  const mine = comment.authorId !== null && comment.authorId === permissions.currentUserId;
  const author = members.find((member) => member.userId === comment.authorId)?.name;

  async function save(body: string) {
    try {
      // After a conflict, `comment` is already the current version (the cache has it).
      await update.mutateAsync({ comment, body });
      setConflict(null);
      setEditing(false);
    } catch (error) {
      setConflict(commentConflictOf(error) ?? null);
      throw error;
    }
  }

  return (
    <article className="min-w-0 rounded-md border border-slate-200 p-3 dark:border-slate-700">
      <header className="flex flex-wrap items-baseline gap-x-2 text-sm">
        <span className="font-medium">{author ?? 'A former member'}</span>
        <time
          dateTime={comment.createdAt}
          title={new Date(comment.createdAt).toLocaleString()}
          className="text-xs text-slate-600 dark:text-slate-300"
        >
          {relativeTime(comment.createdAt)}
        </time>
        {comment.editedAt && (
          <span
            className="text-xs text-slate-600 dark:text-slate-300"
            title={`Edited ${new Date(comment.editedAt).toLocaleString()}`}
          >
            (edited)
          </span>
        )}
        {!editing && (
          <span className="ml-auto flex gap-1">
            {mine && (
              <Button variant="secondary" size="sm" onClick={() => setEditing(true)}>
                Edit
              </Button>
            )}
            {(mine || permissions.canDeleteAny) && (
              <Button variant="secondary" size="sm" onClick={() => setConfirming(true)}>
                Delete
              </Button>
            )}
          </span>
        )}
      </header>
      {editing ? (
        <div className="mt-2 space-y-2">
          {conflict && (
            <div
              className="rounded-md border border-amber-300 bg-amber-50 p-2 text-sm dark:border-amber-800 dark:bg-amber-950"
              data-testid="comment-conflict"
            >
              <p className="font-medium">This comment was changed meanwhile. It now reads:</p>
              <LazyMarkdown
                text={conflict.body}
                members={markdownMembers}
                taskLink={TaskReferenceLink}
              />
              <p className="mt-1">Send again to replace it with your text.</p>
            </div>
          )}
          <CommentComposer
            members={members}
            label="Edit comment"
            submitLabel="Save"
            initialText={comment.body}
            onSubmit={save}
            onCancel={() => {
              setConflict(null);
              setEditing(false);
            }}
          />
        </div>
      ) : (
        <div className="mt-1 min-w-0 break-words text-sm">
          <LazyMarkdown
            text={comment.body}
            members={markdownMembers}
            taskLink={TaskReferenceLink}
          />
        </div>
      )}
      <ConfirmDialog
        open={confirming}
        onOpenChange={setConfirming}
        title="Delete this comment?"
        description="The comment is removed for everyone. This cannot be undone."
        confirmLabel="Delete comment"
        onConfirm={() => remove.mutateAsync(comment.id)}
      />
    </article>
  );
}
