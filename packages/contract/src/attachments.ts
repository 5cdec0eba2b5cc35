import { z } from 'zod';
import { requestBody } from './named.ts';
import { listOf } from './pagination.ts';

/** At most this many files on one task. */
export const ATTACHMENTS_PER_TASK_MAX = 100;
export const ATTACHMENT_NAME_MAX = 200;

/**
 * What a file may be, judged by its content (magic bytes), never by its name or the type a
 * client declares. SVG and HTML are not here: a browser runs their scripts.
 */
export const ATTACHMENT_TYPES = [
  'image/png',
  'image/jpeg',
  'image/gif',
  'image/webp',
  'application/pdf',
  'application/zip',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  'application/vnd.oasis.opendocument.text',
  'application/vnd.oasis.opendocument.spreadsheet',
  'text/plain',
] as const;
export const AttachmentType = z.enum(ATTACHMENT_TYPES).meta({
  id: 'AttachmentType',
  description:
    'The file’s type as read from its content: PNG, JPEG, GIF or WebP images, PDF, ZIP, Office and OpenDocument files, or UTF-8 text',
});
export type AttachmentType = z.infer<typeof AttachmentType>;

/** Image types shown inline (with a thumbnail); every other file is only downloaded. */
export const IMAGE_ATTACHMENT_TYPES: readonly AttachmentType[] = [
  'image/png',
  'image/jpeg',
  'image/gif',
  'image/webp',
];

/** A file name as shown: no path, no control characters. */
export const AttachmentName = z
  .string()
  .trim()
  .min(1)
  .max(ATTACHMENT_NAME_MAX)
  .refine((name) => !/[\\/\p{Cc}]/u.test(name), 'A file name cannot hold / or \\')
  .refine((name) => name !== '.' && name !== '..', 'Not a file name')
  .meta({ description: 'The file’s name as its uploader called it (no folders)' });

const Url = z.string().max(4_000);

export const Attachment = z
  .object({
    id: z.uuid(),
    workspaceId: z.uuid(),
    taskId: z.uuid(),
    uploaderId: z.uuid().nullable().describe('null once the uploader’s account is gone'),
    name: z.string().max(ATTACHMENT_NAME_MAX),
    contentType: AttachmentType,
    size: z.int().min(0).max(2_147_483_647).describe('Bytes'),
    createdAt: z.iso.datetime(),
    downloadUrl: Url.describe(
      'A short-lived link that downloads the file (`Content-Disposition: attachment`); needs no token',
    ),
    previewUrl: Url.nullable().describe('Images: a short-lived link that shows the image inline'),
    thumbnailUrl: Url.nullable().describe(
      'Images: a short-lived link to a small preview, once it has been made; null before',
    ),
    urlsExpireAt: z.iso.datetime().describe('Until when the links work; list again for new ones'),
  })
  .meta({ id: 'Attachment' });
export type Attachment = z.infer<typeof Attachment>;

export const AttachmentList = listOf(Attachment, ATTACHMENTS_PER_TASK_MAX)
  .extend({
    usage: z
      .object({
        usedBytes: z.number().int().min(0),
        quotaBytes: z.number().int().min(0),
      })
      .describe('The files of the whole workspace against its quota'),
    upload: z
      .object({
        maxBytes: z.int().min(0).max(2_147_483_647),
        direct: z
          .boolean()
          .describe(
            'true when files go straight to storage (`createUpload`, then `completeUpload`); multipart to `uploadAttachment` always works',
          ),
      })
      .describe('What an upload may be'),
  })
  .meta({ id: 'AttachmentList', description: 'A task’s files, oldest first' });
export type AttachmentList = z.infer<typeof AttachmentList>;

export const AttachmentParams = z.object({
  workspaceId: z.uuid(),
  taskId: z.uuid(),
  attachmentId: z.uuid(),
});

export const CreateUploadBody = requestBody('CreateUploadBody', {
  name: AttachmentName,
  size: z.int().min(1).max(2_147_483_647).describe('Bytes: the upload must be exactly this size'),
  contentType: AttachmentType.describe(
    'The type the file will be; it is checked against the content when the upload completes',
  ),
});
export type CreateUploadBody = z.input<typeof CreateUploadBody>;

export const UploadTicket = z
  .object({
    attachmentId: z.uuid().describe('Complete the upload with this id'),
    method: z.literal('PUT'),
    url: Url.describe('Send the file’s bytes here, with exactly `headers`'),
    headers: z.record(z.string().max(100), z.string().max(1_000)),
    expiresAt: z.iso.datetime().describe('The URL refuses uploads after this'),
  })
  .meta({ id: 'UploadTicket' });
export type UploadTicket = z.infer<typeof UploadTicket>;

/** The signed link of a download or preview, as it appears in a URL path. */
export const FileLinkParams = z.object({
  link: z
    .string()
    .min(20)
    .max(2_000)
    .regex(/^[\w-]+\.[\w-]+\.[\w-]+$/, 'Not a file link'),
});
