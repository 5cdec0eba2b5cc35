import type { Attachment, AttachmentList } from '../features/tasks/model/attachment-types.ts';
import { workspaceId } from './tasks.ts';

let counter = 0;

/** A file as the API lists it: an image (with links to show it) when its type is one. */
export function anAttachment(overrides: Partial<Attachment> & Pick<Attachment, 'taskId'>) {
  counter += 1;
  const id = `77777777-7777-4777-8777-${String(counter).padStart(12, '0')}`;
  const contentType = overrides.contentType ?? 'application/pdf';
  const image = contentType.startsWith('image/');
  const attachment: Attachment = {
    id,
    workspaceId,
    uploaderId: null,
    name: `file-${counter}.pdf`,
    contentType,
    size: 2_048,
    createdAt: '2026-01-01T00:00:00.000Z',
    downloadUrl: `https://files.example/${id}/download`,
    previewUrl: image ? `https://files.example/${id}/preview` : null,
    thumbnailUrl: image ? `https://files.example/${id}/thumbnail` : null,
    urlsExpireAt: '2026-01-01T00:15:00.000Z',
    ...overrides,
  };
  return attachment;
}

/** A task's list of files, with room to spare: 10 MiB a file, a 1 GiB quota. */
export function attachmentList(items: Attachment[], direct = false): AttachmentList {
  return {
    items,
    usage: {
      usedBytes: items.reduce((sum, item) => sum + item.size, 0),
      quotaBytes: 1_073_741_824,
    },
    upload: { maxBytes: 10_485_760, direct },
  };
}
