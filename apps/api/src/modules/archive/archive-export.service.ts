import { randomUUID } from 'node:crypto';
import { rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Kysely } from 'kysely';
import { create, WriteEntry } from 'tar';
import type { DB } from '../../db/schema.ts';
import { DomainError } from '../../platform/errors.ts';
import type { FileStore } from '../../platform/storage/index.ts';
import { ArchiveDocument, DOCUMENT_PATH } from './archive.format.ts';
import {
  type ArchiveFile,
  archiveDocument,
  referencedUsers,
  type WorkspaceRows,
} from './archive-document.ts';
import { createArchiveExportRepository } from './archive-export.repository.ts';

/** What an export wrote. */
export type ExportResult = {
  archiveId: string;
  file: string;
  bytes: number;
  exportedAt: string;
  workspace: { id: string; name: string };
  counts: Record<
    'people' | 'members' | 'labels' | 'tasks' | 'trashed' | 'comments' | 'attachments' | 'history',
    number
  >;
  attachmentBytes: number;
};

/** A stored file's bytes, read only when the archive reaches its entry; `done` once all read. */
async function* bytesOf(
  store: FileStore,
  key: string,
  done: () => void,
): AsyncGenerator<Uint8Array> {
  for await (const chunk of await store.read(key)) yield chunk as Uint8Array;
  done();
}

/** Called as each file is copied: how many of how many. */
type OnFile = (done: number, total: number) => void;

/**
 * Exports workspaces as archives (`taskflow workspace export`): a gzipped tar holding
 * `workspace.json` first (the workspace, its people, labels, tasks, comments, history and the
 * files' metadata, read in one snapshot), then `files/<n>`, each file's bytes streamed from the
 * file store. The archive is written beside `out` and renamed into place once complete, readable
 * by its owner only.
 */
export function createArchiveExporter({ db, store }: { db: Kysely<DB>; store: FileStore }) {
  const repo = createArchiveExportRepository(db);

  async function read(workspaceId: string) {
    return repo.snapshot(async (trx) => {
      const tx = createArchiveExportRepository(trx);
      const workspace = await tx.workspace(workspaceId);
      if (!workspace) return undefined;
      const rows: WorkspaceRows = {
        workspace,
        members: await tx.members(workspaceId),
        labels: await tx.labels(workspaceId),
        tasks: await tx.tasks(workspaceId),
        followers: await tx.followers(workspaceId),
        comments: await tx.comments(workspaceId),
        attachments: await tx.attachments(workspaceId),
        history: await tx.history(workspaceId),
      };
      return { rows, users: await tx.users(referencedUsers(rows)) };
    });
  }

  async function write(
    out: string,
    document: ArchiveDocument,
    files: ArchiveFile[],
    onFile: OnFile,
  ) {
    let copied = 0;
    const copiedOne = () => onFile(++copied, files.length);
    const partial = path.join(path.dirname(out), `.${path.basename(out)}.${randomUUID()}.partial`);
    const mtime = new Date(document.exportedAt);
    try {
      await create({ file: partial, gzip: true, portable: true, mode: 0o600 }, [
        new WriteEntry({ path: DOCUMENT_PATH, mode: 0o644, mtime }, JSON.stringify(document)),
        ...files.map(
          (f) =>
            new WriteEntry(
              { path: f.path, size: f.size, mode: 0o644, mtime },
              bytesOf(store, f.storageKey, copiedOne),
            ),
        ),
      ]);
      await rename(partial, out);
    } catch (error) {
      await rm(partial, { force: true });
      throw error;
    }
    return (await stat(out)).size;
  }

  return {
    /** Writes the archive of `workspaceId` to the file `out` (replaced if it exists). */
    async exportWorkspace(
      workspaceId: string,
      out: string,
      onFile: OnFile = () => {},
    ): Promise<ExportResult> {
      const found = await read(workspaceId);
      if (!found) {
        throw new DomainError('NOT_FOUND', { detail: `no workspace has the id ${workspaceId}` });
      }
      const { rows, users } = found;
      const archive = { id: randomUUID(), exportedAt: new Date().toISOString() };
      const { document, files } = archiveDocument(rows, users, archive);
      // What an import would refuse is refused here, before a file is written.
      const checked = ArchiveDocument.safeParse(document);
      if (!checked.success) {
        const issue = checked.error.issues[0];
        throw new DomainError('CONFLICT', {
          detail: `the workspace holds data an archive cannot carry (${issue?.path.join('.')}: ${issue?.message})`,
        });
      }
      const bytes = await write(out, document, files, onFile);
      return {
        archiveId: archive.id,
        file: out,
        bytes,
        exportedAt: archive.exportedAt,
        workspace: { id: rows.workspace.id, name: rows.workspace.name },
        counts: {
          people: document.people.length,
          members: rows.members.length,
          labels: rows.labels.length,
          tasks: rows.tasks.length,
          trashed: rows.tasks.filter((t) => t.deleted_at !== null).length,
          comments: rows.comments.length,
          attachments: files.length,
          history: rows.history.length,
        },
        attachmentBytes: files.reduce((n, f) => n + f.size, 0),
      };
    },
  };
}
