import type { Readable } from 'node:stream';

/** What to store: a file on local disk (an upload spooled there) or bytes in memory. */
export type StoreSource = { path: string } | { bytes: Buffer };

/** How a browser is to treat a downloaded object. */
export type Disposition = { kind: 'attachment' | 'inline'; filename: string; contentType: string };

/**
 * Where attachments' bytes live, under random keys that mean nothing outside TaskFlow: a local
 * directory (embedded mode, or a volume every instance shares) or an S3-compatible bucket.
 */
export interface FileStore {
  /** Whether browsers can upload straight to the store (presigned PUT) and download from it. */
  readonly direct: boolean;
  put(key: string, source: StoreSource, meta: { size: number; contentType: string }): Promise<void>;
  /** The object's bytes; throws if it is missing. */
  read(key: string): Promise<Readable>;
  /** The object's size, or null when it does not exist. */
  size(key: string): Promise<number | null>;
  /** Deletes the object; deleting a missing one is not an error. */
  remove(key: string): Promise<void>;
  /** A URL that accepts exactly one PUT of `size` bytes of `contentType` until it expires. */
  presignPut?(
    key: string,
    upload: { size: number; contentType: string; expiresInSeconds: number },
  ): Promise<{ url: string; headers: Record<string, string> }>;
  /** A URL that serves the object as `disposition` says until it expires. */
  presignGet?(key: string, disposition: Disposition, expiresInSeconds: number): Promise<string>;
}

/** `Content-Disposition` for `filename`, readable by every browser (RFC 6266, RFC 8187). */
export function contentDisposition({ kind, filename }: Pick<Disposition, 'kind' | 'filename'>) {
  const ascii = filename.replace(/[^\x20-\x7e]|["\\%;]/g, '_');
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}
