/**
 * Packs and compresses a backup's archive on a thread of its own: on the server's thread, its
 * file reads would wait behind every request (a busy server took 30 s for 5 MB), and its
 * compression would take time requests need.
 */
import { createWriteStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { workerData } from 'node:worker_threads';
import { createGzip } from 'node:zlib';
import * as tar from 'tar';

type Job = { cwd: string; entries: string[]; file: string };

const { cwd, entries, file } = workerData as Job;
await pipeline(
  tar.c({ cwd, portable: true, follow: true }, entries),
  createGzip(),
  createWriteStream(file, { mode: 0o600 }),
);
