import type { QueryClient } from '@tanstack/react-query';
import type { components } from '@taskflow/contract/openapi';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createQueryClient } from '../../../lib/query-client.ts';
import { anAttachment, attachmentList } from '../../../test/attachments.ts';
import { workspaceId } from '../../../test/tasks.ts';
import type { AttachmentList } from '../model/attachment-types.ts';
import { applyAttachmentEvent } from './live-attachment-events.ts';
import { taskKeys } from './task-keys.ts';

type LiveEvent = components['schemas']['LiveEvent'];

const taskId = '22222222-2222-4222-8222-222222222222';
const otherTaskId = '33333333-3333-4333-8333-333333333333';
const envelope = { id: '1', workspaceId, actorId: null, createdAt: '2026-01-01T00:00:00.000Z' };
const filesKey = taskKeys.attachments(workspaceId, taskId);
const historyKey = taskKeys.history(workspaceId, taskId);
const file = anAttachment({ taskId, name: 'screenshot.png', contentType: 'image/png' });

const event = (
  type: 'attachment.created' | 'attachment.updated' | 'attachment.deleted',
  onTask = taskId,
): LiveEvent => ({
  ...envelope,
  type,
  data: { taskId: onTask, attachmentId: file.id, name: file.name },
});

let queryClient: QueryClient;
const stale = (key: readonly unknown[]) => queryClient.getQueryState(key)?.isInvalidated;

beforeEach(() => {
  queryClient = createQueryClient();
  queryClient.setQueryData(filesKey, attachmentList([file]));
  queryClient.setQueryData(historyKey, { pages: [], pageParams: [] });
});

afterEach(() => queryClient.clear());

describe('applyAttachmentEvent', () => {
  it('fetches the files of a task a file was attached to, and its history', () => {
    applyAttachmentEvent(queryClient, event('attachment.created'));
    expect(stale(filesKey)).toBe(true);
    expect(stale(historyKey)).toBe(true);
  });

  it('fetches the files again when one changed (its thumbnail was made), not the history', () => {
    applyAttachmentEvent(queryClient, event('attachment.updated'));
    expect(stale(filesKey)).toBe(true);
    expect(stale(historyKey)).toBe(false);
  });

  it('takes a deleted file out at once, then fetches the files and the history', () => {
    applyAttachmentEvent(queryClient, event('attachment.deleted'));
    expect(queryClient.getQueryData<AttachmentList>(filesKey)?.items).toEqual([]);
    expect(stale(filesKey)).toBe(true);
    expect(stale(historyKey)).toBe(true);
  });

  it('leaves other tasks and other events alone', () => {
    applyAttachmentEvent(queryClient, event('attachment.deleted', otherTaskId));
    applyAttachmentEvent(queryClient, {
      ...envelope,
      type: 'comment.deleted',
      data: { taskId, commentId: file.id },
    });
    expect(queryClient.getQueryData<AttachmentList>(filesKey)?.items).toEqual([file]);
    expect(stale(filesKey)).toBe(false);
    expect(stale(historyKey)).toBe(false);
  });
});
