import { createReadStream } from 'node:fs';
import { ATTACHMENT_TYPES, type AttachmentType } from '@taskflow/contract';
import { fileTypeFromFile } from 'file-type';

const allowed = new Set<string>(ATTACHMENT_TYPES);

/** Text is UTF-8 without control characters other than tab, line feed, form feed and return. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it finds
const CONTROL = /[\u0000-\u0008\u000b\u000e-\u001f\u007f]/;

async function isText(file: string): Promise<boolean> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  try {
    for await (const chunk of createReadStream(file, { highWaterMark: 64 * 1024 })) {
      if (CONTROL.test(decoder.decode(chunk as Buffer, { stream: true }))) return false;
    }
    decoder.decode();
    return true;
  } catch {
    return false;
  }
}

/**
 * The type of the file at `file` as its content says (magic bytes, and for ZIP-based formats
 * their entries), if it is one TaskFlow accepts; null otherwise. The name and any type a client
 * declares play no part.
 */
export async function sniffType(file: string): Promise<AttachmentType | null> {
  const detected = await fileTypeFromFile(file);
  if (detected) return allowed.has(detected.mime) ? (detected.mime as AttachmentType) : null;
  return (await isText(file)) ? 'text/plain' : null;
}
