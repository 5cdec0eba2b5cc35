import type { QueryClient } from '@tanstack/react-query';
import { exportOfPath } from '../model/export-path.ts';
import type { LiveEvent } from '../model/export-types.ts';
import { exportKeys } from './export-keys.ts';

/**
 * The `export.ready` notification says an export can be downloaded: its query (if a page is
 * waiting on it) reads the export again at once instead of at its next poll.
 */
export function applyExportEvent(queryClient: QueryClient, event: LiveEvent): void {
  if (event.type !== 'notification.created') return;
  const { notification } = event.data;
  if (notification.type !== 'export.ready') return;
  const ids = exportOfPath(notification.link);
  if (ids) void queryClient.invalidateQueries({ queryKey: exportKeys.detail(ids), exact: true });
}
