import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  PutObjectCommand,
  S3Client,
  S3ServiceException,
} from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { contentDisposition, type FileStore } from './file-store.ts';

type S3Settings = {
  bucket: string;
  endpoint?: string | undefined;
  /** Where browsers reach the bucket: presigned URLs are signed for this host. */
  publicEndpoint?: string | undefined;
  region: string;
  credentials?: { accessKeyId: string; secretAccessKey: string } | undefined;
  forcePathStyle: boolean;
};

const client = (settings: S3Settings, endpoint: string | undefined) =>
  new S3Client({
    region: settings.region,
    ...(endpoint ? { endpoint } : {}),
    ...(settings.credentials ? { credentials: settings.credentials } : {}),
    forcePathStyle: settings.forcePathStyle,
    // Checksums only where S3 requires them: a browser's presigned PUT cannot add one.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });

const notFound = (error: unknown) =>
  error instanceof S3ServiceException &&
  (error.name === 'NotFound' ||
    error.name === 'NoSuchKey' ||
    error.$metadata.httpStatusCode === 404);

/**
 * Attachments in an S3-compatible bucket. Browsers upload with a presigned PUT whose size and
 * type are part of the signature, and download through presigned GETs that set the disposition.
 */
export function createS3Store(settings: S3Settings): FileStore & { close(): void } {
  const s3 = client(settings, settings.endpoint);
  const signer = client(settings, settings.publicEndpoint ?? settings.endpoint);
  const Bucket = settings.bucket;

  return {
    direct: true,

    async put(key, source, { size, contentType }) {
      const Body = 'bytes' in source ? source.bytes : createReadStream(source.path);
      await s3.send(
        new PutObjectCommand({
          Bucket,
          Key: key,
          Body,
          ContentLength: size,
          ContentType: contentType,
        }),
      );
    },

    async read(key) {
      const { Body } = await s3.send(new GetObjectCommand({ Bucket, Key: key }));
      if (!(Body instanceof Readable)) throw new Error('S3 returned no readable body');
      return Body;
    },

    async size(key) {
      try {
        const head = await s3.send(new HeadObjectCommand({ Bucket, Key: key }));
        return head.ContentLength ?? 0;
      } catch (error) {
        if (notFound(error)) return null;
        throw error;
      }
    },

    async remove(key) {
      await s3.send(new DeleteObjectCommand({ Bucket, Key: key }));
    },

    async presignPut(key, { size, contentType, expiresInSeconds }) {
      const url = await getSignedUrl(
        signer,
        new PutObjectCommand({ Bucket, Key: key, ContentLength: size, ContentType: contentType }),
        {
          expiresIn: expiresInSeconds,
          // A body of another size or type does not match the signature.
          signableHeaders: new Set(['content-length', 'content-type']),
        },
      );
      return { url, headers: { 'content-type': contentType } };
    },

    presignGet: (key, disposition, expiresInSeconds) =>
      getSignedUrl(
        signer,
        new GetObjectCommand({
          Bucket,
          Key: key,
          ResponseContentDisposition: contentDisposition(disposition),
          ResponseContentType: disposition.contentType,
        }),
        { expiresIn: expiresInSeconds },
      ),

    close() {
      s3.destroy();
      signer.destroy();
    },
  };
}
