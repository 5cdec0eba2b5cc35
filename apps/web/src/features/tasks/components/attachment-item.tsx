import { useState } from 'react';
import { Button } from '../../../components/button.tsx';
import { ConfirmDialog } from '../../../components/confirm-dialog.tsx';
import { formatBytes } from '../../../lib/format-bytes.ts';
import { relativeTime } from '../../../lib/relative-time.ts';
import { useDeleteAttachment } from '../api/delete-attachment.ts';
import { isImage } from '../model/attachment-list.ts';
import type { Attachment } from '../model/attachment-types.ts';
import type { Member } from '../model/task-types.ts';
import type { CommentPermissions } from './comment-item.tsx';

/** "PDF", "DOCX": what a file is, from its name, in the square where an image shows itself. */
function FileBadge({ name }: { name: string }) {
  const extension = /\.(\w{1,4})$/.exec(name)?.[1]?.toUpperCase() ?? 'FILE';
  return (
    <span
      aria-hidden="true"
      className="flex size-12 shrink-0 items-center justify-center rounded bg-slate-100 text-xs font-semibold text-slate-700 dark:bg-slate-800 dark:text-slate-200"
    >
      {extension}
    </span>
  );
}

/**
 * One file of a task: an image opens its preview in a new tab (its thumbnail once made), any
 * other file downloads. Its uploader or an owner of the workspace deletes it, after confirming.
 */
export function AttachmentItem({
  workspaceId,
  attachment,
  members,
  permissions,
}: {
  workspaceId: string;
  attachment: Attachment;
  members: readonly Member[];
  permissions: CommentPermissions;
}) {
  const [confirming, setConfirming] = useState(false);
  const remove = useDeleteAttachment(workspaceId, attachment.taskId);
  const { name, previewUrl, thumbnailUrl } = attachment;
  const uploader = members.find((member) => member.userId === attachment.uploaderId)?.name;
  const mine =
    attachment.uploaderId !== null && attachment.uploaderId === permissions.currentUserId;
  const image = isImage(attachment);

  return (
    <div className="flex min-w-0 items-center gap-3 rounded-md border border-slate-200 p-2 dark:border-slate-700">
      <a
        href={image && previewUrl ? previewUrl : attachment.downloadUrl}
        {...(image ? { target: '_blank', rel: 'noopener noreferrer' } : {})}
        className="flex min-w-0 flex-1 items-center gap-3 rounded hover:bg-slate-50 dark:hover:bg-slate-800"
        data-testid="attachment-link"
      >
        {image && thumbnailUrl ? (
          <img
            src={thumbnailUrl}
            alt=""
            className="size-12 shrink-0 rounded object-cover"
            data-testid="attachment-thumbnail"
          />
        ) : (
          <FileBadge name={name} />
        )}
        <span className="min-w-0">
          <span className="block truncate text-sm font-medium text-indigo-700 underline dark:text-indigo-400">
            {name}
          </span>
          <span className="sr-only">
            {image ? ' (opens in a new tab)' : ' (downloads the file)'}
          </span>
          <span className="block text-xs text-slate-600 dark:text-slate-300">
            {formatBytes(attachment.size)} · {uploader ?? 'A former member'} ·{' '}
            <time
              dateTime={attachment.createdAt}
              title={new Date(attachment.createdAt).toLocaleString()}
            >
              {relativeTime(attachment.createdAt)}
            </time>
          </span>
        </span>
      </a>
      {(mine || permissions.canDeleteAny) && (
        <Button
          variant="secondary"
          size="sm"
          aria-label={`Delete ${name}`}
          onClick={() => setConfirming(true)}
        >
          Delete
        </Button>
      )}
      <ConfirmDialog
        open={confirming}
        onOpenChange={setConfirming}
        title={`Delete ${name}?`}
        description="The file is removed from this task for everyone. This cannot be undone."
        confirmLabel="Delete file"
        onConfirm={() => remove.mutateAsync(attachment.id)}
      />
    </div>
  );
}
