import multipart from '@fastify/multipart';
import {
  ATTACHMENT_TYPES,
  Attachment,
  AttachmentList,
  AttachmentParams,
  CreateUploadBody,
  FileLinkParams,
  IMAGE_ATTACHMENT_TYPES,
  TaskParams,
  UploadTicket,
  WorkspaceParams,
} from '@taskflow/contract';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { DomainError, InvalidInputError } from '../../platform/errors.ts';
import { bearer, noContent, routeSchemas } from '../../platform/http/responses.ts';
import { keyedLimit } from '../../platform/http/security.ts';
import { contentDisposition } from '../../platform/storage/file-store.ts';
import { callerId, type Guards } from '../auth/index.ts';
import type { AttachmentScope } from './attachments.repository.ts';
import { type AttachmentsService, FILE_PATHS } from './attachments.service.ts';

type Options = {
  attachments: AttachmentsService;
  guards: Guards;
  maxBytes: number;
  /** Uploads started per member per window. */
  uploadLimit: { max: number; windowMs: number };
};

const route = routeSchemas({
  tags: ['attachments'],
  security: bearer,
  params: WorkspaceParams,
  problems: [401, 404],
});

const scopeOf = (
  request: Pick<FastifyRequest, 'auth'> & { params: { workspaceId: string; taskId: string } },
): AttachmentScope => ({
  workspaceId: request.params.workspaceId,
  taskId: request.params.taskId,
  userId: callerId(request),
});

/** The multipart form, as documented: one part named `file`. */
const UploadForm = z
  .object({
    file: z
      .string()
      .max(1_073_741_824)
      .meta({ format: 'binary', description: 'The file; its name is kept' }),
  })
  .meta({ id: 'AttachmentUploadForm' });

/** A file's bytes, as documented for each type it may have (the response is a stream). */
const fileResponse = (types: readonly string[]) =>
  ({
    description: 'The file',
    content: Object.fromEntries(
      types.map((type) => [
        type,
        { schema: z.string().max(1_073_741_824).meta({ format: 'binary' }) },
      ]),
    ),
  }) as unknown as z.ZodString;

/** The form is read as a stream by the handler, not validated as a whole beforehand. */
const streamedBody: typeof validatorCompiler = (request) =>
  request.httpPart === 'body' ? () => ({ value: undefined }) : validatorCompiler(request);

const path = '/api/v1/workspaces/:workspaceId/tasks/:taskId/attachments';

/** A task's files, under /api/v1/workspaces/{workspaceId}/tasks/{taskId}/attachments. */
export async function attachmentsRoutes(
  instance: FastifyInstance,
  { attachments, guards, maxBytes, uploadLimit }: Options,
) {
  // Encapsulated: only these routes parse multipart. One file a request, a few bytes over the
  // limit so that the service sees (and names) the file that is too large.
  await instance.register(multipart, {
    // The name as sent, so that one with a path is refused rather than silently cut.
    preservePath: true,
    limits: { files: 1, fields: 0, parts: 1, fileSize: maxBytes + 1, headerPairs: 20 },
  });
  const app = instance.withTypeProvider<ZodTypeProvider>();
  app.addHook('preHandler', guards.authenticated);
  const limitUploads = keyedLimit(
    instance,
    uploadLimit,
    (request) => `attachment-upload:${request.auth?.sub}`,
  );

  app.get(
    path,
    {
      schema: route({
        operationId: 'listAttachments',
        summary: 'A task’s files, with short-lived links to download them',
        params: TaskParams,
        response: { 200: AttachmentList },
      }),
    },
    async (request) => attachments.list(scopeOf(request)),
  );

  app.post(
    path,
    {
      preHandler: limitUploads,
      validatorCompiler: streamedBody as never,
      schema: route({
        operationId: 'uploadAttachment',
        summary: 'Attach a file (multipart/form-data, one part named `file`)',
        description:
          'Its type is read from its content: images (PNG, JPEG, GIF, WebP), PDF, ZIP, Office and OpenDocument files, UTF-8 text. Images get a thumbnail shortly after.',
        consumes: ['multipart/form-data'],
        params: TaskParams,
        body: UploadForm,
        response: { 201: Attachment },
        problems: [400, 409, 413, 415, 429],
      }),
    },
    async (request, reply) => {
      const attachment = await attachments.upload(scopeOf(request), async () => {
        const file = await request.file().catch((error: { code?: string }) => {
          if (error.code?.startsWith('FST_')) throw error;
          // The form broke off before its first file did.
          throw new DomainError('UPLOAD_INCOMPLETE', {
            detail: 'The upload ended before the file did; send it again',
          });
        });
        if (!file) throw InvalidInputError.field('file', 'Send the file as a part named `file`');
        return { stream: file.file, filename: file.filename };
      });
      return reply.status(201).send(attachment);
    },
  );

  app.post(
    `${path}/uploads`,
    {
      preHandler: limitUploads,
      schema: route({
        operationId: 'createUpload',
        summary: 'Upload straight to storage: a presigned PUT for one file',
        description:
          'Only when the list says `upload.direct` (S3 storage); otherwise 409. PUT the bytes to `url` with `headers` before `expiresAt`, then complete the upload.',
        params: TaskParams,
        body: CreateUploadBody,
        response: { 201: UploadTicket },
        problems: [409, 413, 429],
      }),
    },
    async (request, reply) =>
      reply.status(201).send(await attachments.createUpload(scopeOf(request), request.body)),
  );

  app.post(
    `${path}/:attachmentId/complete`,
    {
      preHandler: limitUploads,
      schema: route({
        operationId: 'completeUpload',
        summary: 'Say a direct upload is done: its content is checked and it joins the task',
        params: AttachmentParams,
        response: { 200: Attachment },
        problems: [400, 409, 415, 429],
      }),
    },
    async (request) => attachments.complete(scopeOf(request), request.params.attachmentId),
  );

  app.delete(
    `${path}/:attachmentId`,
    {
      schema: route({
        operationId: 'deleteAttachment',
        summary: 'Remove a file: its uploader or an owner of the workspace',
        params: AttachmentParams,
        response: { 204: noContent },
        problems: [403],
      }),
    },
    async (request, reply) => {
      await attachments.remove(scopeOf(request), request.params.attachmentId);
      return reply.status(204).send(null);
    },
  );
}

/** How a served file may be used: never as a page of TaskFlow, never sniffed as another type. */
const FILE_CSP = "sandbox; default-src 'none'; img-src 'self' data:; style-src 'unsafe-inline'";

async function serve(
  attachments: AttachmentsService,
  kind: 'attachment' | 'inline',
  token: string,
  reply: FastifyReply,
) {
  const file = await attachments.open(token, kind);
  const { contentType } = file.disposition;
  reply
    .header(
      'content-type',
      contentType === 'text/plain' ? 'text/plain; charset=utf-8' : contentType,
    )
    .header('content-disposition', contentDisposition(file.disposition))
    .header('content-security-policy', FILE_CSP)
    .header('x-content-type-options', 'nosniff')
    .header('cache-control', 'private, max-age=600');
  if (file.size !== null) reply.header('content-length', String(file.size));
  return reply.send(file.stream);
}

/**
 * Files of the local store through signed links (`downloadUrl`, `previewUrl`, `thumbnailUrl`):
 * no token is needed, so an `<img>` or a download works; each link names one file and expires.
 */
export async function fileLinkRoutes(
  instance: FastifyInstance,
  { attachments }: Pick<Options, 'attachments'>,
) {
  const app = instance.withTypeProvider<ZodTypeProvider>();
  const files = routeSchemas({ tags: ['files'], params: FileLinkParams, problems: [404] });

  app.get(
    `${FILE_PATHS.attachment}/:link`,
    {
      schema: files({
        operationId: 'downloadFile',
        summary: 'Download a file through its signed link (`Content-Disposition: attachment`)',
        response: { 200: fileResponse(ATTACHMENT_TYPES) },
        problems: [410],
      }),
    },
    (request, reply) => serve(attachments, 'attachment', request.params.link, reply),
  );

  app.get(
    `${FILE_PATHS.inline}/:link`,
    {
      schema: files({
        operationId: 'previewFile',
        summary: 'Show an image or its thumbnail through its signed link, inline, sandboxed',
        response: { 200: fileResponse([...IMAGE_ATTACHMENT_TYPES, 'image/webp']) },
        problems: [410],
      }),
    },
    (request, reply) => serve(attachments, 'inline', request.params.link, reply),
  );
}
