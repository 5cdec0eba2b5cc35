import type { ExportIds } from '../model/export-types.ts';

/** Keys of the exports feature: one query per export, which knows whether it is ready. */
export const exportKeys = {
  all: () => ['exports'] as const,
  detail: ({ workspaceId, exportId }: ExportIds) =>
    [...exportKeys.all(), workspaceId, exportId] as const,
};
