import type { components } from '@taskflow/contract/openapi';

export type TaskExport = components['schemas']['TaskExport'];
export type ExportStatus = components['schemas']['ExportStatus'];
export type LiveEvent = components['schemas']['LiveEvent'];
/** Which export: the path parameters of its endpoints. */
export type ExportIds = { workspaceId: string; exportId: string };
