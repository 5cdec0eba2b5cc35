import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { humanMessage } from '../../../api/error-message.ts';
import { attachmentCache } from '../api/attachment-cache.ts';
import { uploadAttachment } from '../api/upload-attachment.ts';
import { refusalOf } from '../model/attachment-list.ts';
import type { UploadLimits } from '../model/attachment-types.ts';

/** A file on its way, or one that did not make it (`error` says why). */
export type Upload = {
  key: string;
  name: string;
  /** 0 to 1: how much of it has been sent. */
  sent: number;
  error: string | null;
};

/**
 * The files being attached to a task: each sent with its progress, cancellable, joining the
 * task's files when the API has it. A file larger than the API takes is refused before it is
 * sent. Leaving the page cancels what is still on its way; closing the tab asks first.
 */
export function useUploads(workspaceId: string, taskId: string, limits: UploadLimits | undefined) {
  const queryClient = useQueryClient();
  const [uploads, setUploads] = useState<Upload[]>([]);
  const controllers = useRef(new Map<string, AbortController>());
  const sending = uploads.some((upload) => upload.error === null);

  useEffect(() => {
    const inFlight = controllers.current;
    return () => {
      for (const controller of inFlight.values()) controller.abort();
    };
  }, []);

  useEffect(() => {
    if (!sending) return;
    const ask = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', ask);
    return () => window.removeEventListener('beforeunload', ask);
  }, [sending]);

  const patch = (key: string, change: Partial<Upload>) =>
    setUploads((list) =>
      list.map((upload) => (upload.key === key ? { ...upload, ...change } : upload)),
    );
  const dismiss = (key: string) =>
    setUploads((list) => list.filter((upload) => upload.key !== key));

  async function send(key: string, file: File, direct: boolean) {
    const controller = new AbortController();
    controllers.current.set(key, controller);
    try {
      const attachment = await uploadAttachment({
        workspaceId,
        taskId,
        file,
        direct,
        signal: controller.signal,
        onProgress: (loaded, total) => patch(key, { sent: total > 0 ? loaded / total : 0 }),
      });
      const cache = attachmentCache(queryClient, workspaceId, taskId);
      cache.put(attachment);
      cache.refresh();
      cache.refreshHistory();
      dismiss(key);
    } catch (error) {
      if (controller.signal.aborted) dismiss(key);
      else patch(key, { error: humanMessage(error) });
    } finally {
      controllers.current.delete(key);
    }
  }

  /** Sends each file, or refuses it at once; nothing before the limits are known. */
  function start(files: readonly File[]) {
    if (!limits) return;
    const added = files.map((file) => ({
      file,
      upload: {
        key: crypto.randomUUID(),
        name: file.name,
        sent: 0,
        error: refusalOf(file, limits.maxBytes),
      },
    }));
    setUploads((list) => [...list, ...added.map(({ upload }) => upload)]);
    for (const { file, upload } of added) {
      if (upload.error === null) void send(upload.key, file, limits.direct);
    }
  }

  return {
    uploads,
    start,
    cancel: (key: string) => controllers.current.get(key)?.abort(),
    dismiss,
  };
}

export type Uploads = ReturnType<typeof useUploads>;
