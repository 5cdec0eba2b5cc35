import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { type Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';

/** The upload is larger than the limit. */
export class TooLargeError extends Error {}

/**
 * Streams `source` into a new file under `dir`, a chunk at a time (never the whole upload in
 * memory), refusing it past `maxBytes`. Returns the file and its size; removes it on failure.
 */
export async function spool(
  source: Readable,
  dir: string,
  maxBytes: number,
): Promise<{ path: string; size: number; discard: () => Promise<void> }> {
  await mkdir(dir, { recursive: true });
  const file = path.join(dir, `${randomUUID()}.upload`);
  const discard = () => rm(file, { force: true });
  let size = 0;
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      size += chunk.length;
      done(size > maxBytes ? new TooLargeError() : null, chunk);
    },
  });
  try {
    await pipeline(source, counter, createWriteStream(file, { flags: 'wx' }));
  } catch (error) {
    await discard();
    throw error;
  }
  return { path: file, size, discard };
}
