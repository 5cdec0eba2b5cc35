import { formatBytes } from '../../../lib/format-bytes.ts';
import type { Attachment, AttachmentList } from './attachment-types.ts';

/** Adds a file at the end (the list is oldest first), or replaces it; the usage follows. */
export function putAttachment(list: AttachmentList, attachment: Attachment): AttachmentList {
  const known = list.items.some((item) => item.id === attachment.id);
  if (known) {
    return {
      ...list,
      items: list.items.map((item) => (item.id === attachment.id ? attachment : item)),
    };
  }
  return {
    ...list,
    items: [...list.items, attachment],
    usage: { ...list.usage, usedBytes: list.usage.usedBytes + attachment.size },
  };
}

export function removeAttachment(list: AttachmentList, attachmentId: string): AttachmentList {
  const gone = list.items.find((item) => item.id === attachmentId);
  if (!gone) return list;
  return {
    ...list,
    items: list.items.filter((item) => item !== gone),
    usage: { ...list.usage, usedBytes: Math.max(0, list.usage.usedBytes - gone.size) },
  };
}

/** Images have a preview link (and, once made, a thumbnail); every other file is downloaded. */
export const isImage = (attachment: Attachment): boolean => attachment.previewUrl !== null;

/** Why a file is refused before any of it is sent, or null when it may go. */
export function refusalOf(file: { name: string; size: number }, maxBytes: number): string | null {
  if (file.size === 0) return `${file.name} is empty: there is nothing to attach.`;
  if (file.size > maxBytes) {
    return `${file.name} is ${formatBytes(file.size)}: a file can be at most ${formatBytes(maxBytes)}.`;
  }
  return null;
}

/** At most this long before a link expires, the list is fetched again for new links. */
const REFRESH_AHEAD_MS = 60_000;
/** However soon the links expire, no sooner than this: a wrong clock must not cause a flood. */
const MIN_REFRESH_MS = 5_000;

/**
 * How long until the list should be fetched again for new links: ahead of the first to expire by
 * a minute, or by a fifth of the time left when that is shorter. False without links.
 */
export function linksRefreshIn(list: AttachmentList, now: number): number | false {
  if (list.items.length === 0) return false;
  const expiry = Math.min(...list.items.map((item) => Date.parse(item.urlsExpireAt)));
  const left = expiry - now;
  return Math.max(left - Math.min(REFRESH_AHEAD_MS, left / 5), MIN_REFRESH_MS);
}
