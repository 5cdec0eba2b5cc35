import type { components, paths } from '@taskflow/contract/openapi';

export type TaskExport = components['schemas']['TaskExport'];
export type ExportStatus = components['schemas']['ExportStatus'];
/** The task list's filters an export is asked with: it holds the tasks the board shows. */
export type ExportFilters = NonNullable<
  paths['/api/v1/workspaces/{workspaceId}/exports']['post']['parameters']['query']
>;
export type LiveEvent = components['schemas']['LiveEvent'];
/** Which export: the path parameters of its endpoints. */
export type ExportIds = { workspaceId: string; exportId: string };
