import { randomUUID } from 'node:crypto';
import os from 'node:os';
import type { Readable } from 'node:stream';
import {
  ATTACHMENTS_PER_TASK_MAX,
  type Attachment,
  type AttachmentList,
  AttachmentName,
  type AttachmentType,
  type CreateUploadBody,
  IMAGE_ATTACHMENT_TYPES,
  type UploadTicket,
} from '@taskflow/contract';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { unitOfWork } from '../../platform/db/unit-of-work.ts';
import { DomainError, InvalidInputError, NotFoundError } from '../../platform/errors.ts';
import type { Disposition, FileStore } from '../../platform/storage/file-store.ts';
import { sniffType } from '../../platform/storage/sniff.ts';
import { spool, TooLargeError } from '../../platform/storage/spool.ts';
import { createOutbox, type NewEvent } from '../events/index.ts';
import { createTaskHistoryRepository } from '../tasks/index.ts';
import {
  type AttachmentRow,
  type AttachmentScope,
  type AttachmentsRepository,
  createAttachmentsRepository,
} from './attachments.repository.ts';

/** Signs and checks the links that serve files from the local store. */
export type FileLinks = {
  sign(
    purpose: string,
    claims: Record<string, string>,
    ttlSeconds: number,
  ): Promise<{ token: string; expiresAt: Date }>;
  verify(purpose: string, token: string): Promise<Record<string, unknown> | 'expired' | null>;
};

/** Enqueues the thumbnail of an image in `trx`: made once the upload commits. */
export type ScheduleThumbnail = (trx: Kysely<DB>, attachmentId: string) => Promise<unknown>;

type Deps = {
  db: Kysely<DB>;
  store: FileStore;
  links: FileLinks;
  thumbnail: ScheduleThumbnail;
  settings: { maxBytes: number; quotaBytes: number; spoolDir: string };
};

/** How long a download link or an upload ticket works. */
const LINK_TTL_SECONDS = 15 * 60;
const LINK_PURPOSE = 'file';
/** Where links to the local store point; the inline path serves images only. */
export const FILE_PATHS = { attachment: '/api/v1/files', inline: '/api/v1/files/inline' } as const;

export const isImage = (type: string) => IMAGE_ATTACHMENT_TYPES.includes(type as AttachmentType);

const taskNotFound = () => new NotFoundError('task');
const attachmentNotFound = () => new NotFoundError('attachment');

/** The uploads of a workspace sit under its id: `<workspace>/<random>`. */
const newKey = (workspaceId: string) => `${workspaceId}/${randomUUID()}`;
export const thumbnailKeyOf = (key: string) => `${key}.thumb`;

async function requireTask(repo: AttachmentsRepository, scope: AttachmentScope) {
  const access = await repo.access(scope);
  if (!access?.task_title) throw taskNotFound();
  return access;
}

/** A file name from a client, as stored and shown; a name with a path is refused. */
function fileName(name: string | undefined): string {
  const parsed = AttachmentName.safeParse(name ?? '');
  if (!parsed.success) {
    throw InvalidInputError.field('file', parsed.error.issues[0]?.message ?? 'Not a file name');
  }
  return parsed.data;
}

export const attachmentEvent = (
  type: 'attachment.created' | 'attachment.updated' | 'attachment.deleted',
  row: Pick<AttachmentRow, 'id' | 'workspace_id' | 'task_id' | 'name'>,
  actorId: string | null,
): NewEvent => ({
  type,
  workspaceId: row.workspace_id,
  actorId,
  data: { taskId: row.task_id, attachmentId: row.id, name: row.name },
});

/**
 * Files attached to tasks. Bytes go to the file store first (streamed, never whole in memory);
 * the row, its history entry, its event and its thumbnail job are then written in one
 * transaction, which also holds the workspace's quota. A file whose row does not commit is
 * removed again.
 */
export function createAttachmentsService({ db, store, links, thumbnail, settings }: Deps) {
  const reads = createAttachmentsRepository(db);
  const uow = unitOfWork(db, {
    attachments: createAttachmentsRepository,
    history: createTaskHistoryRepository,
    outbox: createOutbox,
    thumbnails: (trx: Kysely<DB>) => ({ schedule: (id: string) => thumbnail(trx, id) }),
  });
  type Tx = Parameters<Parameters<typeof uow.run>[0]>[0];

  /** A link to the stored object `key`, served as `disposition` says, until it expires. */
  async function link(row: AttachmentRow, key: string, disposition: Disposition) {
    if (store.presignGet) {
      const url = await store.presignGet(key, disposition, LINK_TTL_SECONDS);
      return { url, expiresAt: new Date(Date.now() + LINK_TTL_SECONDS * 1000) };
    }
    const variant = key === row.storage_key ? 'original' : 'thumbnail';
    const { token, expiresAt } = await links.sign(
      LINK_PURPOSE,
      { sub: row.id, v: variant, d: disposition.kind },
      LINK_TTL_SECONDS,
    );
    return { url: `${FILE_PATHS[disposition.kind]}/${token}`, expiresAt };
  }

  async function toAttachment(row: AttachmentRow): Promise<Attachment> {
    const image = isImage(row.content_type);
    const as = (kind: Disposition['kind']) => ({
      kind,
      filename: row.name,
      contentType: row.content_type,
    });
    const download = await link(row, row.storage_key, as('attachment'));
    const preview = image ? await link(row, row.storage_key, as('inline')) : null;
    const thumb =
      image && row.thumbnail_key
        ? await link(row, row.thumbnail_key, {
            kind: 'inline',
            filename: `${row.name}.webp`,
            contentType: 'image/webp',
          })
        : null;
    return {
      id: row.id,
      workspaceId: row.workspace_id,
      taskId: row.task_id,
      uploaderId: row.uploader_id,
      name: row.name,
      contentType: row.content_type as AttachmentType,
      size: row.size,
      createdAt: row.created_at,
      downloadUrl: download.url,
      previewUrl: preview?.url ?? null,
      thumbnailUrl: thumb?.url ?? null,
      urlsExpireAt: download.expiresAt.toISOString(),
    };
  }

  /** Room for `size` more bytes on the task and in the workspace, or the reason there is none. */
  async function reserve(tx: Tx, scope: AttachmentScope, size: number) {
    await requireTask(tx.attachments, scope);
    await tx.attachments.lockUploads(scope.workspaceId);
    if ((await tx.attachments.countOnTask(scope.taskId)) >= ATTACHMENTS_PER_TASK_MAX) {
      throw new DomainError('LIMIT_REACHED', {
        detail: `A task can hold ${ATTACHMENTS_PER_TASK_MAX} files`,
      });
    }
    const used = await tx.attachments.usage(scope.workspaceId);
    if (used + size > settings.quotaBytes) {
      throw new DomainError('STORAGE_QUOTA_EXCEEDED', {
        detail: `The workspace holds ${used} of its ${settings.quotaBytes} bytes; this file needs ${size}`,
      });
    }
  }

  /** A file added to or removed from its task: its history entry and its event, in `tx`. */
  async function recordFile(
    tx: Tx,
    scope: AttachmentScope,
    row: AttachmentRow,
    change: 'added' | 'removed',
  ) {
    await tx.history.insert([
      {
        workspaceId: scope.workspaceId,
        taskId: scope.taskId,
        actorId: scope.userId,
        kind: `attachment.${change}`,
        attachment: { id: row.id, name: row.name },
      },
    ]);
    const type = change === 'added' ? 'attachment.created' : 'attachment.deleted';
    await tx.outbox.append([attachmentEvent(type, row, scope.userId)]);
  }

  /** The file joins its task: history, event and (for an image) its thumbnail, in `tx`. */
  async function attached(tx: Tx, scope: AttachmentScope, row: AttachmentRow) {
    await recordFile(tx, scope, row, 'added');
    if (isImage(row.content_type)) await tx.thumbnails.schedule(row.id);
  }

  const tooLarge = () =>
    new DomainError('FILE_TOO_LARGE', {
      detail: `A file can be at most ${settings.maxBytes} bytes`,
    });
  const notAllowed = () =>
    new DomainError('FILE_TYPE_NOT_ALLOWED', {
      detail:
        'Attach images (PNG, JPEG, GIF, WebP), PDF, ZIP, Office or OpenDocument files, or plain text',
    });

  /** Spools an upload to a local file and reads its type, or says why it is refused. */
  async function receive(stream: Readable) {
    let file: Awaited<ReturnType<typeof spool>>;
    try {
      file = await spool(stream, settings.spoolDir, settings.maxBytes);
    } catch (error) {
      if (
        error instanceof TooLargeError ||
        (error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE'
      ) {
        throw tooLarge();
      }
      throw new DomainError('UPLOAD_INCOMPLETE', {
        detail: 'The file ended before the upload did; send it again',
      });
    }
    const type = file.size === 0 ? null : await sniffType(file.path);
    if (!type) {
      await file.discard();
      throw file.size === 0 ? InvalidInputError.field('file', 'The file is empty') : notAllowed();
    }
    return { ...file, type };
  }

  return {
    async list(scope: AttachmentScope): Promise<AttachmentList> {
      await requireTask(reads, scope);
      const [rows, usedBytes] = await Promise.all([
        reads.list(scope),
        reads.usage(scope.workspaceId),
      ]);
      return {
        items: await Promise.all(rows.map(toAttachment)),
        usage: { usedBytes, quotaBytes: settings.quotaBytes },
        upload: { maxBytes: settings.maxBytes, direct: store.direct },
      };
    },

    /** A file sent through the API (multipart): checked, stored, then recorded. */
    async upload(
      scope: AttachmentScope,
      readFile: () => Promise<{ stream: Readable; filename: string | undefined }>,
    ): Promise<Attachment> {
      // Nothing is read from a caller who may not attach here.
      await requireTask(reads, scope);
      const file = await readFile();
      const name = fileName(file.filename);
      const received = await receive(file.stream);
      const id = randomUUID();
      const key = newKey(scope.workspaceId);
      try {
        await store.put(
          key,
          { path: received.path },
          { size: received.size, contentType: received.type },
        );
      } finally {
        await received.discard();
      }
      try {
        return await toAttachment(
          await uow.run(async (tx) => {
            await reserve(tx, scope, received.size);
            const row = await tx.attachments.insert(scope, {
              id,
              name,
              contentType: received.type,
              size: received.size,
              storageKey: key,
              state: 'ready',
            });
            await attached(tx, scope, row);
            return row;
          }),
        );
      } catch (error) {
        await store.remove(key).catch(() => undefined);
        throw error;
      }
    },

    /** Storage that browsers upload to: a ticket for one PUT, and the room it needs held. */
    async createUpload(scope: AttachmentScope, body: CreateUploadBody): Promise<UploadTicket> {
      await requireTask(reads, scope);
      if (!store.presignPut) {
        throw new DomainError('CONFLICT', {
          detail: 'This server takes files as multipart uploads to the attachments path',
        });
      }
      if (body.size > settings.maxBytes) throw tooLarge();
      const id = randomUUID();
      const key = newKey(scope.workspaceId);
      await uow.run(async (tx) => {
        await reserve(tx, scope, body.size);
        await tx.attachments.insert(scope, {
          id,
          name: fileName(body.name),
          contentType: body.contentType,
          size: body.size,
          storageKey: key,
          state: 'pending',
        });
      });
      const put = await store.presignPut(key, {
        size: body.size,
        contentType: body.contentType,
        expiresInSeconds: LINK_TTL_SECONDS,
      });
      return {
        attachmentId: id,
        method: 'PUT',
        url: put.url,
        headers: put.headers,
        expiresAt: new Date(Date.now() + LINK_TTL_SECONDS * 1000).toISOString(),
      };
    },

    /**
     * The browser says its upload is done: the object must be there, whole, and of the type
     * it declared (read from its content); then it becomes a file of the task. Completing
     * twice returns the same file.
     */
    async complete(scope: AttachmentScope, attachmentId: string): Promise<Attachment> {
      await requireTask(reads, scope);
      const pending = await uow.run((tx) => tx.attachments.lock(scope, attachmentId));
      if (!pending) throw attachmentNotFound();
      if (pending.state === 'ready') return toAttachment(pending);
      if (pending.uploader_id !== scope.userId) throw attachmentNotFound();
      const stored = await store.size(pending.storage_key);
      // Another size than announced (and signed): refused for good, its room freed.
      if (stored !== null && stored !== pending.size) await reads.remove(pending.id);
      if (stored !== pending.size) {
        throw new DomainError('UPLOAD_INCOMPLETE', {
          detail:
            stored === null
              ? 'The file has not arrived in storage; upload it with the ticket first'
              : `The stored file has ${stored} bytes, not the ${pending.size} announced`,
        });
      }
      const received = await receive(await store.read(pending.storage_key)).catch(
        async (error: unknown) => {
          // A file refused for its content is not kept.
          if (error instanceof DomainError && error.code === 'FILE_TYPE_NOT_ALLOWED') {
            await reads.remove(pending.id);
          }
          throw error;
        },
      );
      await received.discard();
      if (received.type !== pending.content_type) {
        await reads.remove(pending.id);
        throw new DomainError('FILE_TYPE_NOT_ALLOWED', {
          detail: `The file is ${received.type}, not the ${pending.content_type} announced`,
        });
      }
      return toAttachment(
        await uow.run(async (tx) => {
          await requireTask(tx.attachments, scope);
          const row = await tx.attachments.lock(scope, attachmentId);
          if (!row) throw attachmentNotFound();
          if (row.state === 'ready') return row;
          const ready = await tx.attachments.markReady(row.id, received.type);
          await attached(tx, scope, ready);
          return ready;
        }),
      );
    },

    /** By its uploader or an owner of the workspace; the stored bytes go with a job. */
    remove: (scope: AttachmentScope, attachmentId: string) =>
      uow.run(async (tx) => {
        const { role } = await requireTask(tx.attachments, scope);
        const row = await tx.attachments.lock(scope, attachmentId);
        if (row?.state !== 'ready') throw attachmentNotFound();
        if (row.uploader_id !== scope.userId && role !== 'owner') {
          throw new DomainError('FORBIDDEN', {
            detail: 'Only its uploader or an owner of the workspace can remove a file',
          });
        }
        await tx.attachments.remove(row.id);
        await recordFile(tx, scope, row, 'removed');
      }),

    /**
     * The file a signed link names, with how to serve it; `kind` is the path it came by. An
     * expired link answers 410, anything else that does not check out 404.
     */
    async open(token: string, kind: Disposition['kind']) {
      const claims = await links.verify(LINK_PURPOSE, token);
      if (claims === 'expired') {
        throw new DomainError('LINK_EXPIRED', {
          detail: 'Download links work for 15 minutes; open the file again from its task',
        });
      }
      if (!claims || claims.d !== kind || typeof claims.sub !== 'string') {
        throw attachmentNotFound();
      }
      const row = await reads.servable(claims.sub);
      const key = claims.v === 'thumbnail' ? row?.thumbnail_key : row?.storage_key;
      if (!row || !key || (kind === 'inline' && !isImage(row.content_type))) {
        throw attachmentNotFound();
      }
      const thumbnail = claims.v === 'thumbnail';
      return {
        stream: await store.read(key),
        size: thumbnail ? null : row.size,
        disposition: {
          kind,
          filename: thumbnail ? `${row.name}.webp` : row.name,
          contentType: thumbnail ? 'image/webp' : row.content_type,
        } satisfies Disposition,
      };
    },
  };
}

export type AttachmentsService = ReturnType<typeof createAttachmentsService>;

/** Where uploads wait while they are checked: beside the files, or the system's temp dir. */
export const spoolDirOf = (files: { dir: string; s3?: unknown }) =>
  files.s3 ? os.tmpdir() : `${files.dir}/.incoming`;
