import { useRef } from 'react';
import { humanMessage } from '../../../api/error-message.ts';
import { Button } from '../../../components/button.tsx';
import { FormAlert } from '../../../components/form-alert.tsx';
import { formatBytes } from '../../../lib/format-bytes.ts';
import { useAttachments } from '../api/get-attachments.ts';
import type { Uploads } from '../hooks/use-uploads.ts';
import { AttachmentItem } from './attachment-item.tsx';
import type { TaskThreadProps } from './task-timeline.tsx';
import { UploadRow } from './upload-row.tsx';

/** The button that opens the file picker (the keyboard's way in; drag and drop is the mouse's). */
function AttachButton({
  disabled,
  onFiles,
}: {
  disabled: boolean;
  onFiles: (files: File[]) => void;
}) {
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <Button size="sm" disabled={disabled} onClick={() => input.current?.click()}>
        Attach files
      </Button>
      <input
        ref={input}
        type="file"
        name="files"
        multiple
        hidden
        data-testid="attach-input"
        onChange={(event) => {
          onFiles([...(event.target.files ?? [])]);
          // The same file can be picked again, after a failure say.
          event.target.value = '';
        }}
      />
    </>
  );
}

/** A task's files and those on their way to it, with how much a file and the workspace may hold. */
export function TaskAttachments({
  workspaceId,
  taskId,
  members,
  permissions,
  uploads,
}: TaskThreadProps & { uploads: Uploads }) {
  const list = useAttachments(workspaceId, taskId);
  const items = list.data?.items ?? [];
  const empty = list.isSuccess && items.length === 0 && uploads.uploads.length === 0;

  return (
    <section aria-labelledby="attachments-heading" className="space-y-3" data-testid="attachments">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id="attachments-heading" className="text-lg font-semibold">
          Attachments
        </h2>
        <AttachButton disabled={!list.data} onFiles={uploads.start} />
      </div>
      {list.isPending && (
        <p className="text-sm text-slate-600 dark:text-slate-300">Loading the files…</p>
      )}
      {list.isError && <FormAlert>{humanMessage(list.error)}</FormAlert>}
      {empty && (
        <p className="text-sm text-slate-600 dark:text-slate-300">
          No files yet. Drop files on this page, or choose Attach files.
        </p>
      )}
      {(items.length > 0 || uploads.uploads.length > 0) && (
        <ul className="space-y-2" data-testid="attachment-list">
          {items.map((attachment) => (
            <li key={attachment.id} data-testid="attachment">
              <AttachmentItem
                workspaceId={workspaceId}
                attachment={attachment}
                members={members}
                permissions={permissions}
              />
            </li>
          ))}
          {uploads.uploads.map((upload) => (
            <li key={upload.key}>
              <UploadRow
                upload={upload}
                onCancel={() => uploads.cancel(upload.key)}
                onDismiss={() => uploads.dismiss(upload.key)}
              />
            </li>
          ))}
        </ul>
      )}
      {list.data && (
        <p className="text-xs text-slate-600 dark:text-slate-300" data-testid="attachment-limits">
          Files up to {formatBytes(list.data.upload.maxBytes)} each ·{' '}
          {formatBytes(list.data.usage.usedBytes)} of {formatBytes(list.data.usage.quotaBytes)} used
          in this workspace
        </p>
      )}
    </section>
  );
}
