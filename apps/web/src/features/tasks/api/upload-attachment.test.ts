import { describe, expect, it, vi } from 'vitest';
import { anAttachment } from '../../../test/attachments.ts';
import { jsonResponse, stubFetch } from '../../../test/fetch.ts';
import { workspaceId } from '../../../test/tasks.ts';
import { stubXhr } from '../../../test/xhr.ts';
import { uploadAttachment } from './upload-attachment.ts';

const taskId = '22222222-2222-4222-8222-222222222222';
const attachmentId = '99999999-9999-4999-8999-999999999999';
const base = `/api/v1/workspaces/${workspaceId}/tasks/${taskId}/attachments`;
const ticket = {
  attachmentId,
  method: 'PUT',
  url: 'https://bucket.example/object?X-Amz-Signature=s',
  headers: { 'Content-Type': 'image/png', 'x-amz-meta-task': taskId },
  expiresAt: '2026-01-01T00:15:00.000Z',
};

/** Lets the promise chain reach its next request. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('uploadAttachment straight to storage', () => {
  it('asks for a ticket, PUTs the bytes with exactly its headers, then completes', async () => {
    const done = anAttachment({ id: attachmentId, taskId, contentType: 'image/png' });
    const requests: Request[] = [];
    stubFetch(async (request) => {
      requests.push(request.clone());
      const path = new URL(request.url).pathname;
      if (path === `${base}/uploads`) return jsonResponse(ticket, { status: 201 });
      if (path === `${base}/${attachmentId}/complete`) return jsonResponse(done);
      return jsonResponse({}, { status: 404 });
    });
    const sent = stubXhr();
    const file = new File([new Uint8Array(300)], 'shot.png', { type: 'image/png' });
    const progress = vi.fn();
    const uploaded = uploadAttachment({
      workspaceId,
      taskId,
      file,
      direct: true,
      signal: new AbortController().signal,
      onProgress: progress,
    });

    await vi.waitFor(() => expect(sent).toHaveLength(1));
    expect(await requests[0]?.json()).toEqual({
      name: 'shot.png',
      size: 300,
      contentType: 'image/png',
    });
    const [put] = sent;
    expect(put?.method).toBe('PUT');
    expect(put?.url).toBe(ticket.url);
    // Storage checks its signature against these headers: no token, nothing added.
    expect(put?.headers).toEqual(ticket.headers);
    expect(put?.body).toBe(file);
    put?.progress(150, 300);
    expect(progress).toHaveBeenCalledWith(150, 300);
    put?.respond(200);

    expect(await uploaded).toEqual(done);
    expect(requests.map((request) => new URL(request.url).pathname)).toEqual([
      `${base}/uploads`,
      `${base}/${attachmentId}/complete`,
    ]);
  });

  it('says the file did not arrive when storage refuses it, without completing', async () => {
    const fetchMock = stubFetch(async () => jsonResponse(ticket, { status: 201 }));
    const sent = stubXhr();
    const uploaded = uploadAttachment({
      workspaceId,
      taskId,
      file: new File(['hello'], 'notes.md', { type: 'text/markdown' }),
      direct: true,
      signal: new AbortController().signal,
      onProgress: () => undefined,
    });
    await vi.waitFor(() => expect(sent).toHaveLength(1));
    sent[0]?.respond(403);
    await expect(uploaded).rejects.toMatchObject({ code: 'UPLOAD_INCOMPLETE' });
    await settle();
    expect(fetchMock).toHaveBeenCalledTimes(1);
  });

  it('refuses a file of a type the API never takes before asking for a ticket', async () => {
    const fetchMock = stubFetch(async () => jsonResponse(ticket, { status: 201 }));
    const uploaded = uploadAttachment({
      workspaceId,
      taskId,
      file: new File(['<svg/>'], 'logo.svg', { type: 'image/svg+xml' }),
      direct: true,
      signal: new AbortController().signal,
      onProgress: () => undefined,
    });
    await expect(uploaded).rejects.toMatchObject({ code: 'FILE_TYPE_NOT_ALLOWED' });
    expect(fetchMock).not.toHaveBeenCalled();
  });
});
