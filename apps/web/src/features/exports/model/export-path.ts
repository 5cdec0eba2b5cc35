import type { ExportIds, ExportStatus } from './export-types.ts';

const uuid = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const downloadPath = new RegExp(`^/api/v1/workspaces/(${uuid})/exports/(${uuid})/download$`, 'i');

/**
 * The export an API download path (an export's `downloadPath`, an `export.ready` notification's
 * `link`) points to, or null for any other path: the file is fetched through the typed client,
 * by its ids, never by following the link.
 */
export function exportOfPath(path: string | null | undefined): ExportIds | null {
  const match = path ? downloadPath.exec(path) : null;
  if (!match?.[1] || !match[2]) return null;
  return { workspaceId: match[1], exportId: match[2] };
}

/** Polled while it is being made, in case the live notification does not come (no stream). */
export const EXPORT_POLL_MS = 5_000;

export function exportPollInterval(status: ExportStatus | undefined): number | false {
  return status === 'pending' ? EXPORT_POLL_MS : false;
}
