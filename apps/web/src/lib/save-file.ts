/** Long enough for the browser to have read the file; FileSaver.js waits as long. */
export const REVOKE_AFTER_MS = 40_000;

/**
 * The file name a Content-Disposition header suggests (RFC 6266: `filename*` first, then
 * `filename`), without any directory part, or `fallback` when it suggests none.
 */
export function filenameFrom(disposition: string | null, fallback: string): string {
  if (!disposition) return fallback;
  let name: string | undefined;
  const extended = /filename\*\s*=\s*UTF-8''([^;\s]+)/i.exec(disposition)?.[1];
  if (extended) {
    try {
      name = decodeURIComponent(extended);
    } catch {
      name = undefined;
    }
  }
  if (!name) {
    const plain = /filename\s*=\s*(?:"([^"]*)"|([^;\s]+))/i.exec(disposition);
    name = plain?.[1] ?? plain?.[2];
  }
  const base = name?.split(/[\\/]/).pop()?.trim();
  return base || fallback;
}

/**
 * Saves a file the app fetched itself (with its bearer token, which a plain link cannot send):
 * an object URL clicked through a temporary `<a download>`.
 */
export function saveFile(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), REVOKE_AFTER_MS);
}
