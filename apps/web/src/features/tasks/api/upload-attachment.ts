import { ApiError } from '../../../api/api-error.ts';
import { api, unwrap } from '../../../api/client.ts';
import {
  type OnProgress,
  pathOf,
  postForm,
  readJson,
  sendWithProgress,
} from '../../../api/upload.ts';
import type { Attachment } from '../model/attachment-types.ts';
import { declaredType } from '../model/upload-type.ts';

type Upload = {
  workspaceId: string;
  taskId: string;
  file: File;
  /** The list's `upload.direct`: send the bytes straight to storage. */
  direct: boolean;
  signal: AbortSignal;
  onProgress: OnProgress;
};

/** Multipart through the API, which reads the type from the content and stores the file. */
async function throughApi({ workspaceId, taskId, file, signal, onProgress }: Upload) {
  const form = new FormData();
  form.append('file', file, file.name);
  const path = pathOf('/api/v1/workspaces/{workspaceId}/tasks/{taskId}/attachments', {
    workspaceId,
    taskId,
  });
  return readJson<Attachment>(await postForm(path, form, { signal, onProgress }));
}

/** A ticket from the API, the bytes straight to storage with its URL and headers, then done. */
async function straightToStorage({ workspaceId, taskId, file, signal, onProgress }: Upload) {
  const contentType = declaredType(file);
  if (!contentType) {
    throw new ApiError({ status: 415, code: 'FILE_TYPE_NOT_ALLOWED', message: file.type });
  }
  const ticket = await unwrap(
    api.POST('/api/v1/workspaces/{workspaceId}/tasks/{taskId}/attachments/uploads', {
      params: { path: { workspaceId, taskId } },
      body: { name: file.name, size: file.size, contentType },
      signal,
    }),
  );
  const stored = await sendWithProgress({
    method: ticket.method,
    url: ticket.url,
    headers: ticket.headers,
    body: file,
    signal,
    onProgress,
  });
  if (!stored.ok) {
    // Storage answers in its own words (XML), never a problem: the upload did not arrive.
    throw new ApiError({
      status: stored.status,
      code: 'UPLOAD_INCOMPLETE',
      message: `Storage answered HTTP ${stored.status}`,
    });
  }
  return unwrap(
    api.POST(
      '/api/v1/workspaces/{workspaceId}/tasks/{taskId}/attachments/{attachmentId}/complete',
      {
        params: { path: { workspaceId, taskId, attachmentId: ticket.attachmentId } },
        signal,
      },
    ),
  );
}

/**
 * Attaches a file to a task, reporting the bytes sent: straight to storage when the API offers it
 * (`upload.direct`), else through the API. Aborting `signal` cancels it.
 */
export function uploadAttachment(upload: Upload): Promise<Attachment> {
  return upload.direct ? straightToStorage(upload) : throughApi(upload);
}
