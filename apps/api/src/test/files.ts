import sharp from 'sharp';
import type { App } from '../app.ts';
import type { Client } from './workspaces.ts';

/** A real PNG of `width`×`height` pixels (a gradient: it does not compress to nothing). */
export async function png(width = 64, height = 48): Promise<Buffer> {
  const pixels = Buffer.alloc(width * height * 3);
  for (let i = 0; i < pixels.length; i++) pixels[i] = (i * 7) % 251;
  return sharp(pixels, { raw: { width, height, channels: 3 } })
    .png()
    .toBuffer();
}

/** The start of a Windows executable: what a renamed `.exe` begins with. */
export const EXECUTABLE = Buffer.concat([
  Buffer.from('MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff', 'latin1'),
  Buffer.alloc(64),
  Buffer.from('This program cannot be run in DOS mode.', 'latin1'),
]);

/** A multipart/form-data body with one file part. */
export function multipartBody(
  filename: string,
  bytes: Buffer,
  { field = 'file', type = 'application/octet-stream' } = {},
) {
  const boundary = `----taskflow${Math.random().toString(16).slice(2)}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${filename}"\r\nContent-Type: ${type}\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return {
    payload: Buffer.concat([head, bytes, tail]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
    boundary,
  };
}

export const attachmentsPath = (w: { workspaceId: string; taskId: string }) =>
  `/api/v1/workspaces/${w.workspaceId}/tasks/${w.taskId}/attachments`;

/** Uploads `bytes` as `filename` to the task, as `client`: the raw answer. */
export function upload(
  app: App,
  client: Client,
  where: { workspaceId: string; taskId: string },
  filename: string,
  bytes: Buffer,
) {
  const body = multipartBody(filename, bytes);
  return app.inject({
    method: 'POST',
    url: attachmentsPath(where),
    payload: body.payload,
    headers: { ...body.headers, authorization: `Bearer ${client.accessToken}` },
  });
}
