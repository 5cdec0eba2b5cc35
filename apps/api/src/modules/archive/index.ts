/** The archive feature's public face: a workspace exported as an archive, imported elsewhere. */
export { createArchiveExporter, type ExportResult } from './archive-export.service.ts';
export { createArchiveImporter } from './archive-import.service.ts';
export type { ImportResult } from './archive-import-result.ts';
