import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { attachmentsPath } from '../../test/files.ts';
import { createTeam, useTestUsers } from '../../test/users.ts';
import { createTask } from '../../test/workspaces.ts';

/**
 * An upload is streamed to disk, never held whole in memory: the server's memory grows by far
 * less than the file while a 10 MB upload goes through a real socket.
 */
const { ctx, ada } = useTestUsers(['ada']);

const FILE_BYTES = 10_000_000;
const CHUNK = Buffer.from(`${'taskflow '.repeat(7_281)}\n`); // 65,530 bytes of text

/** Sends FILE_BYTES of text as a multipart upload, a chunk at a time, sampling memory meanwhile. */
async function uploadSampling(port: number, where: { workspaceId: string; taskId: string }) {
  const boundary = '----taskflowmemory';
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="big.txt"\r\nContent-Type: text/plain\r\n\r\n`;
  const tail = `\r\n--${boundary}--\r\n`;
  let peak = 0;
  const sample = () => {
    const m = process.memoryUsage();
    peak = Math.max(peak, m.rss);
  };
  const timer = setInterval(sample, 5);
  try {
    const status = await new Promise<number>((resolve, reject) => {
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
      const pump = () => {
        while (sent < FILE_BYTES) {
          const piece = CHUNK.subarray(0, Math.min(CHUNK.length, FILE_BYTES - sent));
          sent += piece.length;
          if (!req.write(piece)) return void req.once('drain', pump);
        }
        req.end(tail);
      };
      pump();
    });
    sample();
    return { status, peak };
  } finally {
    clearInterval(timer);
  }
}

describe('a 10 MB upload', () => {
  it('grows the server’s memory by less than 20 MB', async () => {
    await ctx.app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = ctx.app.server.address() as AddressInfo;
    const workspaceId = await createTeam(ada, 'Big files');
    const where = {
      workspaceId,
      taskId: (await createTask(ada, workspaceId, { title: 'Logs' })).id,
    };

    // A first upload loads what uploads need (parsers, type detection); the second is measured.
    expect((await uploadSampling(port, where)).status).toBe(201);
    const baseline = process.memoryUsage().rss;
    const { status, peak } = await uploadSampling(port, where);
    expect(status).toBe(201);
    const growthMb = (peak - baseline) / 1_048_576;
    ctx.app.log.info({ growthMb }, 'memory growth during a 10 MB upload');
    expect(growthMb).toBeLessThan(20);
  });
});
