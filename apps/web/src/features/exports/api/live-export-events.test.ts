import type { QueryClient } from '@tanstack/react-query';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createQueryClient } from '../../../lib/query-client.ts';
import type { LiveEvent, TaskExport } from '../model/export-types.ts';
import { exportKeys } from './export-keys.ts';
import { applyExportEvent } from './live-export-events.ts';

const ids = {
  workspaceId: '11111111-1111-4111-8111-111111111111',
  exportId: '22222222-2222-4222-8222-222222222222',
};
const link = `/api/v1/workspaces/${ids.workspaceId}/exports/${ids.exportId}/download`;
const pending: TaskExport = {
  id: ids.exportId,
  workspaceId: ids.workspaceId,
  status: 'pending',
  format: 'csv',
  rowCount: null,
  createdAt: '2026-01-01T00:00:00.000Z',
  completedAt: null,
  expiresAt: null,
  downloadPath: null,
};

function notified(type: 'export.ready' | 'task.assigned', to: string | null): LiveEvent {
  return {
    id: '1',
    type: 'notification.created',
    workspaceId: ids.workspaceId,
    actorId: null,
    createdAt: '2026-01-01T00:00:00.000Z',
    data: {
      notification: {
        id: '33333333-3333-4333-8333-333333333333',
        type,
        title: 'Your export of 2 tasks is ready to download',
        workspaceId: ids.workspaceId,
        taskId: null,
        actorId: null,
        link: to,
        createdAt: '2026-01-01T00:00:00.000Z',
        readAt: null,
      },
    },
  };
}

let queryClient: QueryClient;
const invalidated = () => queryClient.getQueryState(exportKeys.detail(ids))?.isInvalidated;

beforeEach(() => {
  queryClient = createQueryClient();
  queryClient.setQueryData(exportKeys.detail(ids), pending);
});

afterEach(() => queryClient.clear());

describe('applyExportEvent', () => {
  it('reads the export again when its “export ready” notification arrives', () => {
    applyExportEvent(queryClient, notified('export.ready', link));
    expect(invalidated()).toBe(true);
  });

  it('leaves it alone for other notifications and other exports', () => {
    applyExportEvent(queryClient, notified('task.assigned', link));
    applyExportEvent(queryClient, notified('export.ready', null));
    applyExportEvent(
      queryClient,
      notified('export.ready', link.replace(ids.exportId, '44444444-4444-4444-8444-444444444444')),
    );
    expect(invalidated()).toBe(false);
  });
});
