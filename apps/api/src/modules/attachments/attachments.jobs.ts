import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { DB } from '../../db/schema.ts';
import { unitOfWork } from '../../platform/db/unit-of-work.ts';
import type { JobDefinition } from '../../platform/queue/job-queue.ts';
import { purgeJob } from '../../platform/queue/purge-job.ts';
import type { FileStore } from '../../platform/storage/file-store.ts';
import { createOutbox } from '../events/index.ts';
import { createAttachmentsRepository } from './attachments.repository.ts';
import { attachmentEvent, isImage, thumbnailKeyOf } from './attachments.service.ts';

/** Thumbnails fit this box, in pixels. */
const THUMBNAIL_SIZE = 320;
/** Images larger than this many pixels are not decoded (a decompression bomb stays small on disk). */
const MAX_INPUT_PIXELS = 50_000_000;
/** An upload not completed within this time is given up, and its room in the quota freed. */
const ABANDONED_AFTER_MS = 2 * 3_600_000;
const DELETIONS_PER_RUN = 500;

const ThumbnailPayload = z.object({ attachmentId: z.uuid() });

/**
 * `attachments.thumbnail`: a small WebP of an attached image, stored beside it and announced
 * with `attachment.updated`. Idempotent: an image that has one (or has gone) is left alone.
 */
export function thumbnailJob(deps: {
  db: Kysely<DB>;
  store: FileStore;
}): JobDefinition<z.infer<typeof ThumbnailPayload>> {
  const repo = createAttachmentsRepository(deps.db);
  const uow = unitOfWork(deps.db, {
    attachments: createAttachmentsRepository,
    outbox: createOutbox,
  });
  return {
    type: 'attachments.thumbnail',
    payload: ThumbnailPayload,
    attempts: 3,
    async handle({ attachmentId }, { logger }) {
      const row = await repo.needingThumbnail(attachmentId);
      if (!row || !isImage(row.content_type)) return;
      // sharp (and libvips) load with the first image, not with every process.
      const { default: sharp } = await import('sharp');
      const source = await deps.store.read(row.storage_key);
      const resize = sharp({ limitInputPixels: MAX_INPUT_PIXELS, failOn: 'error' })
        .rotate()
        .resize(THUMBNAIL_SIZE, THUMBNAIL_SIZE, { fit: 'inside', withoutEnlargement: true })
        .webp({ quality: 80 });
      let unreadable: unknown;
      source.on('error', (error) => {
        unreadable = error;
        resize.destroy(error);
      });
      source.pipe(resize);
      let bytes: Buffer;
      try {
        bytes = await resize.toBuffer();
      } catch (error) {
        // The store failing is worth a retry; an image that does not decode is not.
        if (unreadable) throw unreadable;
        logger.warn({ attachmentId, err: error }, 'the image does not decode: no thumbnail');
        return;
      }
      const key = thumbnailKeyOf(row.storage_key);
      await deps.store.put(key, { bytes }, { size: bytes.length, contentType: 'image/webp' });
      const done = await uow.run(async (tx) => {
        const updated = await tx.attachments.setThumbnail(attachmentId, key);
        if (updated) await tx.outbox.append([attachmentEvent('attachment.updated', updated, null)]);
        // Removed while this ran: the thumbnail goes the way of the file.
        else await tx.attachments.queueDeletion(key);
        return updated;
      });
      logger.info({ attachmentId, bytes: bytes.length, kept: Boolean(done) }, 'thumbnail made');
    },
  };
}

/**
 * `attachments.purge-files` (every 10 minutes): uploads abandoned before they completed, then
 * the stored objects of every file whose row has gone (removed, its task purged, its workspace
 * deleted).
 */
export const purgeFilesJob = (deps: { db: Kysely<DB>; store: FileStore }) => {
  const repo = createAttachmentsRepository(deps.db);
  return purgeJob({
    type: 'attachments.purge-files',
    cron: '*/10 * * * *',
    purge: async () => {
      const abandoned = await repo.dropAbandoned(new Date(Date.now() - ABANDONED_AFTER_MS));
      let objects = 0;
      for (;;) {
        const keys = (await repo.deletions(DELETIONS_PER_RUN)).map((d) => d.storage_key);
        if (keys.length === 0) break;
        for (const key of keys) await deps.store.remove(key);
        await repo.deletionsDone(keys);
        objects += keys.length;
        if (keys.length < DELETIONS_PER_RUN) break;
      }
      return { abandoned, objects };
    },
    message: 'stored files purged',
  });
};
