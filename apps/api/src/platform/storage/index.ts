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
