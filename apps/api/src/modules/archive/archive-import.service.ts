import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import { MAX_WORKSPACES_PER_USER } from '@taskflow/contract';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { unitOfWork } from '../../platform/db/unit-of-work.ts';
import { DomainError } from '../../platform/errors.ts';
import type { FileStore } from '../../platform/storage/index.ts';
import { sniffType } from '../../platform/storage/sniff.ts';
import { spool } from '../../platform/storage/spool.ts';
import { isImage, type ScheduleThumbnail } from '../attachments/index.ts';
import { createOutbox } from '../events/index.ts';
import type { ArchiveDocument } from './archive.format.ts';
import { createArchiveImportRepository } from './archive-import.repository.ts';
import { earlierImport, type ImportResult, sourceOf } from './archive-import-result.ts';
import { joinEvents, type MemberMatch, matchMembers, planRows } from './archive-plan.ts';
import {
  type ArchiveFileEntry,
  ArchiveInvalidError,
  damaged,
  openArchive,
} from './archive-reader.ts';

type Deps = {
  db: Kysely<DB>;
  store: FileStore;
  /** The target's limits on files, and where a file waits while its content is checked. */
  files: { maxBytes: number; quotaBytes: number; spoolDir: string };
  /** Enqueues an image's thumbnail in the import's transaction (made by a job, as for uploads). */
  thumbnail: ScheduleThumbnail;
};

/** Called as each file is stored: how many of how many. */
type OnFile = (done: number, total: number) => void;

/**
 * Imports workspace archives (`taskflow workspace import`): a new workspace with new ids,
 * members matched by email, files stored under new keys. The archive is checked whole before
 * anything is written; files are stored first and removed again if the rows do not commit; the
 * rows, the workspace's events and the record of the import commit in one transaction.
 */
export function createArchiveImporter({ db, store, files, thumbnail }: Deps) {
  const reads = createArchiveImportRepository(db);
  const uow = unitOfWork(db, {
    archive: createArchiveImportRepository,
    outbox: createOutbox,
    thumbnails: (trx: Kysely<DB>) => ({ schedule: (id: string) => thumbnail(trx, id) }),
  });

  /** The file limits of this instance hold for every file, and for the workspace's total. */
  function checkSizes(document: ArchiveDocument) {
    const large = document.attachments.find((a) => a.size > files.maxBytes);
    if (large) {
      throw new DomainError('FILE_TOO_LARGE', {
        detail: `the file "${large.name}" has ${large.size} bytes; this instance takes at most ${files.maxBytes} (ATTACHMENT_MAX_BYTES)`,
      });
    }
    const total = document.attachments.reduce((n, a) => n + a.size, 0);
    if (total > files.quotaBytes) {
      throw new DomainError('STORAGE_QUOTA_EXCEEDED', {
        detail: `the workspace's files hold ${total} bytes; a workspace here holds at most ${files.quotaBytes} (ATTACHMENT_QUOTA_BYTES)`,
      });
    }
  }

  /** Stores each file under a new key once its content is checked; `stored` collects the keys. */
  async function storeFiles(
    entries: AsyncGenerator<ArchiveFileEntry>,
    document: ArchiveDocument,
    workspaceId: string,
    stored: string[],
    onFile: OnFile,
  ) {
    const byFile = new Map(document.attachments.map((a) => [a.file, a]));
    const keys = new Map<string, string>();
    for await (const entry of entries) {
      const declared = byFile.get(entry.path);
      if (!declared) throw new ArchiveInvalidError(`${entry.path} is not named`);
      const file = await spool(entry.body, files.spoolDir, files.maxBytes).catch(damaged);
      try {
        const type = await sniffType(file.path);
        if (type !== declared.contentType) {
          throw new ArchiveInvalidError(
            `${entry.path} ("${declared.name}") holds ${type ?? 'a type TaskFlow does not take'}, not the ${declared.contentType} the document says`,
          );
        }
        const key = `${workspaceId}/${randomUUID()}`;
        await store.put(key, { path: file.path }, { size: file.size, contentType: type });
        stored.push(key);
        keys.set(entry.path, key);
        onFile(keys.size, byFile.size);
      } finally {
        await file.discard();
      }
    }
    return keys;
  }

  async function accountsOf(document: ArchiveDocument, ownerEmail: string) {
    const emails = [...new Set([ownerEmail, ...document.people.map((p) => p.email)])];
    const accounts = new Map((await reads.usersByEmail(emails)).map((u) => [u.email, u]));
    const owner = accounts.get(ownerEmail);
    if (!owner) {
      throw new DomainError('ACCOUNT_NOT_FOUND', {
        detail: `no account uses the email ${ownerEmail}: the owner of the imported workspace must have an account here`,
      });
    }
    const counts = await reads.membershipCounts([...accounts.values()].map((a) => a.id));
    const memberships = new Map(counts.map((c) => [c.user_id, c.n]));
    if ((memberships.get(owner.id) ?? 0) >= MAX_WORKSPACES_PER_USER) {
      throw new DomainError('LIMIT_REACHED', {
        detail: `${ownerEmail} already belongs to ${MAX_WORKSPACES_PER_USER} workspaces`,
      });
    }
    return { accounts, owner, memberships };
  }

  async function write(
    document: ArchiveDocument,
    workspaceId: string,
    people: Awaited<ReturnType<typeof accountsOf>>,
    members: MemberMatch,
    keys: Map<string, string>,
  ): Promise<ImportResult> {
    return uow.run(async ({ archive, outbox, thumbnails }) => {
      // Two imports of one workspace at once: the second waits, then finds the first.
      await archive.lockSource(document.workspace.id);
      const earlier = await earlierImport(archive, document);
      if (earlier) return earlier;
      const workspace = await archive.insertWorkspace({
        id: workspaceId,
        name: document.workspace.name,
        createdBy: people.owner.id,
        createdAt: document.workspace.createdAt,
      });
      await archive.recordImport({
        archiveId: document.archiveId,
        sourceWorkspaceId: document.workspace.id,
        workspaceId,
        exportedAt: document.exportedAt,
      });
      const joined = await archive.insertMembers(workspaceId, members.added);
      const rows = planRows(document, workspaceId, people.accounts, members, keys);
      await archive.insertLabels(rows.labels);
      await archive.insertTasks(rows.tasks);
      await archive.insertFollowers(rows.followers);
      await archive.insertComments(rows.comments);
      await archive.insertAttachments(rows.attachments);
      await archive.insertHistory(rows.history);
      for (const a of rows.attachments)
        if (isImage(a.content_type)) await thumbnails.schedule(a.id);
      await outbox.append(joinEvents(workspace, people.owner.id, joined, people.accounts));
      const memberEmails = new Set(document.people.filter((p) => p.role).map((p) => p.email));
      return {
        status: 'imported' as const,
        archiveId: document.archiveId,
        exportedAt: document.exportedAt,
        source: sourceOf(document),
        workspace: { id: workspace.id, name: workspace.name },
        owner: people.owner.email,
        members: {
          added: members.added.map(({ email, role }) => ({ email, role })),
          unmatched: members.unmatched,
          skipped: members.skipped,
        },
        unmatchedPeople: document.people
          .filter((p) => !memberEmails.has(p.email) && !people.accounts.has(p.email))
          .map((p) => p.email),
        unassigned: rows.unassigned,
        counts: {
          labels: rows.labels.length,
          tasks: rows.tasks.length,
          trashed: rows.tasks.filter((t) => t.deleted_at !== null).length,
          comments: rows.comments.length,
          attachments: rows.attachments.length,
          history: rows.history.length,
        },
        attachmentBytes: rows.attachments.reduce((n, a) => n + a.size, 0),
      };
    });
  }

  async function removeAll(keys: string[]) {
    await Promise.all(keys.map((key) => store.remove(key).catch(() => undefined)));
  }

  return {
    /** Imports the archive read from `source` for the owner `ownerEmail` (an account here). */
    async importArchive(
      source: Readable,
      ownerEmail: string,
      onFile: OnFile = () => {},
    ): Promise<ImportResult> {
      const archive = await openArchive(source);
      const { document } = archive;
      const stored: string[] = [];
      try {
        const earlier = await earlierImport(reads, document);
        if (earlier) return earlier;
        const people = await accountsOf(document, ownerEmail.toLowerCase());
        checkSizes(document);
        const members = matchMembers(document, people.owner, people.accounts, people.memberships);
        const workspaceId = randomUUID();
        const keys = await storeFiles(archive.files(), document, workspaceId, stored, onFile);
        const result = await write(document, workspaceId, people, members, keys);
        if (result.status === 'already-imported') await removeAll(stored);
        return result;
      } catch (error) {
        await removeAll(stored);
        throw error;
      } finally {
        await archive.close();
      }
    },
  };
}
