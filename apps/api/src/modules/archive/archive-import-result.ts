import { DomainError } from '../../platform/errors.ts';
import type { ArchiveDocument } from './archive.format.ts';
import type { ArchiveImportRepository, ImportRecord } from './archive-import.repository.ts';
import type { MemberMatch } from './archive-plan.ts';

type Source = { workspaceId: string; name: string; taskflowVersion: string };

/** What an import did, or the workspace an earlier import of the same archive made. */
export type ImportResult =
  | {
      status: 'imported';
      archiveId: string;
      exportedAt: string;
      source: Source;
      workspace: { id: string; name: string };
      owner: string;
      members: {
        added: { email: string; role: string }[];
        unmatched: string[];
        skipped: MemberMatch['skipped'];
      };
      /** Others the archive names (former members) with no account here: shown as no one. */
      unmatchedPeople: string[];
      /** Tasks whose assignee is not a member here: unassigned. */
      unassigned: number;
      counts: Record<
        'labels' | 'tasks' | 'trashed' | 'comments' | 'attachments' | 'history',
        number
      >;
      attachmentBytes: number;
    }
  | {
      status: 'already-imported';
      archiveId: string;
      exportedAt: string;
      source: Source;
      workspace: { id: string; name: string };
      importedAt: string;
    };

export const sourceOf = (document: ArchiveDocument): Source => ({
  workspaceId: document.workspace.id,
  name: document.workspace.name,
  taskflowVersion: document.taskflowVersion,
});

/**
 * The import of this archive made before, if any: answered with its workspace. Another archive
 * of the same workspace imported before is refused: importing it too would duplicate the
 * workspace, and merging two is not what an import does.
 */
export async function earlierImport(repo: ArchiveImportRepository, document: ArchiveDocument) {
  const same = await repo.findImport(document.archiveId);
  if (same) return alreadyImported(document, same);
  const other = await repo.findImportOfSource(document.workspace.id);
  if (other) {
    throw new DomainError('CONFLICT', {
      detail: `workspace ${document.workspace.id} ("${document.workspace.name}") was already imported here from another archive (exported ${other.exported_at}) as workspace "${other.name}" (${other.workspace_id}); delete that workspace first to import this archive instead`,
    });
  }
  return undefined;
}

const alreadyImported = (document: ArchiveDocument, record: ImportRecord): ImportResult => ({
  status: 'already-imported',
  archiveId: document.archiveId,
  exportedAt: document.exportedAt,
  source: sourceOf(document),
  workspace: { id: record.workspace_id, name: record.name },
  importedAt: record.imported_at,
});
