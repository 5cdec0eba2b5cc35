import { Readable } from 'node:stream';
import { entries, type ReadEntry } from 'tar';
import type { z } from 'zod';
import { DomainError } from '../../platform/errors.ts';
import {
  ARCHIVE_FORMAT,
  ARCHIVE_FORMAT_VERSION,
  ARCHIVE_LIMITS,
  ArchiveDocument,
  ArchiveEnvelope,
  DOCUMENT_PATH,
  FILE_PATH,
} from './archive.format.ts';

/** The archive cannot be imported as it is: it says why, and nothing has been written. */
export class ArchiveInvalidError extends DomainError {
  constructor(reason: string) {
    super('VALIDATION_FAILED', { detail: `not a valid TaskFlow workspace archive: ${reason}` });
  }
}

/** One file of the archive, its size checked against the document, its bytes to read once. */
export type ArchiveFileEntry = { path: string; size: number; body: Readable };

function describe(issues: z.core.$ZodIssue[]) {
  const shown = issues.slice(0, 5).map((i) => `${i.path.join('.') || '(document)'}: ${i.message}`);
  const more = issues.length > shown.length ? ` (and ${issues.length - shown.length} more)` : '';
  return `workspace.json does not hold a valid workspace: ${shown.join('; ')}${more}`;
}

/** Reads, checks and parses `workspace.json`. */
async function readDocument(entry: ReadEntry | undefined): Promise<ArchiveDocument> {
  if (entry?.path !== DOCUMENT_PATH || entry.type !== 'File') {
    throw new ArchiveInvalidError(`the first entry must be the file ${DOCUMENT_PATH}`);
  }
  if (entry.size > ARCHIVE_LIMITS.documentBytes) {
    throw new ArchiveInvalidError(
      `${DOCUMENT_PATH} has ${entry.size} bytes; at most ${ARCHIVE_LIMITS.documentBytes} are read`,
    );
  }
  const text = await entry.text().catch(damaged);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new ArchiveInvalidError(`${DOCUMENT_PATH} is not JSON`);
  }
  const envelope = ArchiveEnvelope.safeParse(json);
  if (!envelope.success || envelope.data.format !== ARCHIVE_FORMAT) {
    throw new ArchiveInvalidError(`${DOCUMENT_PATH} does not say it is a ${ARCHIVE_FORMAT}`);
  }
  const { formatVersion, taskflowVersion } = envelope.data;
  if (formatVersion !== ARCHIVE_FORMAT_VERSION) {
    const by = taskflowVersion ? ` (made by TaskFlow ${taskflowVersion})` : '';
    throw new ArchiveInvalidError(
      `it is format version ${formatVersion}${by}; this TaskFlow reads version ${ARCHIVE_FORMAT_VERSION}`,
    );
  }
  const parsed = ArchiveDocument.safeParse(json);
  if (!parsed.success) throw new ArchiveInvalidError(describe(parsed.error.issues));
  return parsed.data;
}

/** What the tar reader failed on (in a header or in a body), as an operator reads it. */
export function damaged(error: unknown): never {
  if (error instanceof DomainError) throw error;
  const tarCode = (error as { tarCode?: string }).tarCode;
  if (!tarCode) throw error;
  const message = error instanceof Error ? error.message : String(error);
  throw new ArchiveInvalidError(`it is damaged or not a gzipped tar archive (${message})`);
}

/**
 * Opens an archive from `source`: its document, read and checked whole before anything else, and
 * then its files, each checked as it comes: a plain file the document names, once, of the size
 * it declares. Anything else (a link, a directory, another path, `..`) stops the reading, as does
 * a file the document names that never comes. `close` releases the source early.
 */
export async function openArchive(source: Readable) {
  // Sizes are checked against the document before a body is read, so the decompressed total
  // is bounded by the document's own limits, not by a ratio to the compressed size.
  const reader = entries(source, { strict: true, maxDecompressionRatio: Number.POSITIVE_INFINITY });
  const close = async () => {
    await reader.return?.();
    source.destroy();
  };
  let document: ArchiveDocument;
  try {
    document = await readDocument((await reader.next().catch(damaged)).value);
  } catch (error) {
    await close();
    throw error;
  }
  const declared = new Map(document.attachments.map((a) => [a.file, a.size]));

  async function* files(): AsyncGenerator<ArchiveFileEntry> {
    const seen = new Set<string>();
    for (;;) {
      const { value: entry, done } = await reader.next().catch(damaged);
      if (done) break;
      const size = declared.get(entry.path);
      if (entry.type !== 'File' || !FILE_PATH.test(entry.path) || size === undefined) {
        throw new ArchiveInvalidError(
          `unexpected entry ${JSON.stringify(entry.path)} (${entry.type}): an archive holds ${DOCUMENT_PATH} and the files it names`,
        );
      }
      if (seen.has(entry.path)) throw new ArchiveInvalidError(`${entry.path} comes twice`);
      if (entry.size !== size) {
        throw new ArchiveInvalidError(
          `${entry.path} has ${entry.size} bytes; the document says ${size}`,
        );
      }
      seen.add(entry.path);
      yield { path: entry.path, size, body: Readable.fromWeb(entry.body) };
    }
    const missing = [...declared.keys()].filter((path) => !seen.has(path));
    if (missing.length > 0) {
      throw new ArchiveInvalidError(
        `${missing.length} file(s) the document names are missing (${missing.slice(0, 3).join(', ')}): the archive may be cut short`,
      );
    }
  }

  return { document, files, close };
}
