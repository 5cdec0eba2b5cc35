import type { Logger } from 'pino';
import type { Config } from '../../config.ts';
import type { FileStore } from './file-store.ts';
import { createLocalStore } from './local-store.ts';
import { createS3Store } from './s3-store.ts';

export type { FileStore } from './file-store.ts';

/** The file store the configuration names: the S3 bucket if there is one, else `FILES_DIR`. */
export function createFileStore(files: Config['files'], mode: Config['mode'], logger: Logger) {
  if (files.s3) return createS3Store(files.s3);
  if (mode === 'cluster') {
    logger.warn(
      { dir: files.dir },
      'S3_BUCKET is not set: attachments go to FILES_DIR, which every instance and worker must share',
    );
  }
  return createLocalStore(files.dir) as FileStore & { close?: () => void };
}

/**
 * Where browsers reach the bucket, for the app's Content-Security-Policy (uploads, previews);
 * none for a local store, whose links are on TaskFlow's own origin.
 */
export function storageOrigins(files: Config['files']): string[] {
  const s3 = files.s3;
  if (!s3) return [];
  const endpoint = new URL(s3.publicEndpoint ?? `https://s3.${s3.region}.amazonaws.com`);
  if (!s3.forcePathStyle) endpoint.host = `${s3.bucket}.${endpoint.host}`;
  return [endpoint.origin];
}
