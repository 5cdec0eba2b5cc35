import { readdir, stat } from 'node:fs/promises';
import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import v8 from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { attachmentsPath } from '../../test/files.ts';
import { createTeam, useTestUsers } from '../../test/users.ts';
import { createTask } from '../../test/workspaces.ts';

/**
 * An upload is streamed to disk, never held whole in memory. Measured on the live memory of the
 * server (its heap and buffers after a full collection) while a 10 MB upload is nine-tenths
 * through a real socket: what it holds because of the upload, garbage not counted.
 */
const { ctx, ada } = useTestUsers(['ada']);

v8.setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

/**
 * Live memory: the heap and buffers that survive a full collection. Buffers are swept
 * concurrently after a collection, so the reading is taken once two in a row agree.
 */
async function liveBytes() {
  const read = () => {
    collectGarbage();
    const { heapUsed, arrayBuffers } = process.memoryUsage();
    return heapUsed + arrayBuffers;
  };
  let last = read();
  for (let tries = 0; tries < 50; tries++) {
    await new Promise((resolve) => setTimeout(resolve, 20));
    const now = read();
    if (Math.abs(now - last) < 256 * 1024) return Math.min(now, last);
    last = now;
  }
  return last;
}

const FILE_BYTES = 10_000_000;
const PAUSE_AT = 9_500_000;
const CHUNK = Buffer.from(`${'taskflow '.repeat(7_281)}\n`); // 65,530 bytes of text

/** The bytes of the upload spooled so far (the one file being written), once there are `atLeast`. */
async function spooled(atLeast: number): Promise<number> {
  const dir = path.join(ctx.config.files.dir, '.incoming');
  let size = 0;
  // Waits for the server to have read that much; bounded, so a server that does not write as it
  // reads is measured (and fails) rather than waited for.
  for (let tries = 0; tries < 200 && size < atLeast; tries++) {
    const files = await readdir(dir).catch(() => [] as string[]);
    const sizes = await Promise.all(files.map((f) => stat(path.join(dir, f)).then((s) => s.size)));
    size = Math.max(0, ...sizes);
    if (size < atLeast) await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return size;
}

/** Sends a 10 MB text file as a multipart upload; `midway` runs when nine-tenths are sent. */
function upload(
  port: number,
  where: { workspaceId: string; taskId: string },
  midway: () => Promise<void>,
) {
  const boundary = '----taskflowmemory';
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="big.txt"\r\nContent-Type: text/plain\r\n\r\n`;
  const tail = `\r\n--${boundary}--\r\n`;
  return new Promise<number>((resolve, reject) => {
    const req = request(
      {
        port,
        host: '127.0.0.1',
        method: 'POST',
        path: attachmentsPath(where),
        headers: {
          authorization: `Bearer ${ada.accessToken}`,
          'content-type': `multipart/form-data; boundary=${boundary}`,
          'content-length': String(head.length + FILE_BYTES + tail.length),
        },
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      },
    );
    req.on('error', reject);
    req.write(head);
    let sent = 0;
    let paused = false;
    const pump = () => {
      while (sent < FILE_BYTES) {
        if (sent >= PAUSE_AT && !paused) {
          paused = true;
          return void midway().then(pump, reject);
        }
        const piece = CHUNK.subarray(0, Math.min(CHUNK.length, FILE_BYTES - sent));
        sent += piece.length;
        if (!req.write(piece)) return void req.once('drain', pump);
      }
      req.end(tail);
    };
    pump();
  });
}

describe('a 10 MB upload', () => {
  it('holds under 5 MB of the server’s live memory while it streams (20 MB is the bound asked)', async () => {
    await ctx.app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = ctx.app.server.address() as AddressInfo;
    const workspaceId = await createTeam(ada, 'Big files');
    const where = {
      workspaceId,
      taskId: (await createTask(ada, workspaceId, { title: 'Logs' })).id,
    };

    // A first upload loads what uploads need (parsers, type detection); the second is measured.
    expect(await upload(port, where, async () => undefined)).toBe(201);
    const baseline = await liveBytes();
    let held = Number.NaN;
    let onDisk = 0;
    const status = await upload(port, where, async () => {
      // The server has read (nearly) all that was sent: whatever it keeps of it is live now.
      onDisk = await spooled(PAUSE_AT - 1_000_000);
      held = ((await liveBytes()) - baseline) / 1_048_576;
    });
    expect(status).toBe(201);
    ctx.app.log.info({ heldMb: held }, 'memory held by a 10 MB upload in flight');
    // Holding the file would be 9.5 MB or more; streaming holds a few buffers.
    expect(held).toBeLessThan(5);
    expect(onDisk).toBeGreaterThanOrEqual(PAUSE_AT - 1_000_000);
  });
});
