import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import type { S3Client } from '@aws-sdk/client-s3';
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

type Sdk = typeof import('@aws-sdk/client-s3');

/** The AWS SDK, loaded by the first use of a bucket (it is large, and most processes need none). */
const loadSdk = () =>
  Promise.all([import('@aws-sdk/client-s3'), import('@aws-sdk/s3-request-presigner')]);

const client = ({ S3Client }: Sdk, settings: S3Settings, endpoint: string | undefined) =>
  new S3Client({
    region: settings.region,
    ...(endpoint ? { endpoint } : {}),
    ...(settings.credentials ? { credentials: settings.credentials } : {}),
    forcePathStyle: settings.forcePathStyle,
    // Checksums only where S3 requires them: a browser's presigned PUT cannot add one.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });

const notFound = ({ S3ServiceException }: Sdk, error: unknown) =>
  error instanceof S3ServiceException &&
  (error.name === 'NotFound' ||
    error.name === 'NoSuchKey' ||
    error.$metadata.httpStatusCode === 404);

type Presign = typeof import('@aws-sdk/s3-request-presigner').getSignedUrl;

/**
 * Attachments in an S3-compatible bucket. Browsers upload with a presigned PUT whose size and
 * type are part of the signature, and download through presigned GETs that set the disposition.
 */
export function createS3Store(settings: S3Settings): FileStore & { close(): void } {
  let clients: Promise<{ sdk: Sdk; s3: S3Client; signer: S3Client; presign: Presign }> | undefined;
  const ready = () =>
    (clients ??= loadSdk().then(([sdk, { getSignedUrl }]) => ({
      sdk,
      s3: client(sdk, settings, settings.endpoint),
      signer: client(sdk, settings, settings.publicEndpoint ?? settings.endpoint),
      presign: getSignedUrl,
    })));
  const Bucket = settings.bucket;

  return {
    direct: true,

    async put(key, source, { size, contentType }) {
      const { sdk, s3 } = await ready();
      const Body = 'bytes' in source ? source.bytes : createReadStream(source.path);
      await s3.send(
        new sdk.PutObjectCommand({
          Bucket,
          Key: key,
          Body,
          ContentLength: size,
          ContentType: contentType,
        }),
      );
    },

    async read(key) {
      const { sdk, s3 } = await ready();
      const { Body } = await s3.send(new sdk.GetObjectCommand({ Bucket, Key: key }));
      if (!(Body instanceof Readable)) throw new Error('S3 returned no readable body');
      return Body;
    },

    async size(key) {
      const { sdk, s3 } = await ready();
      try {
        const head = await s3.send(new sdk.HeadObjectCommand({ Bucket, Key: key }));
        return head.ContentLength ?? 0;
      } catch (error) {
        if (notFound(sdk, error)) return null;
        throw error;
      }
    },

    async remove(key) {
      const { sdk, s3 } = await ready();
      await s3.send(new sdk.DeleteObjectCommand({ Bucket, Key: key }));
    },

    async presignPut(key, { size, contentType, expiresInSeconds }) {
      const { sdk, signer, presign } = await ready();
      const url = await presign(
        signer,
        new sdk.PutObjectCommand({
          Bucket,
          Key: key,
          ContentLength: size,
          ContentType: contentType,
        }),
        {
          expiresIn: expiresInSeconds,
          // A body of another size or type does not match the signature.
          signableHeaders: new Set(['content-length', 'content-type']),
        },
      );
      return { url, headers: { 'content-type': contentType } };
    },

    async presignGet(key, disposition, expiresInSeconds) {
      const { sdk, signer, presign } = await ready();
      return presign(
        signer,
        new sdk.GetObjectCommand({
          Bucket,
          Key: key,
          ResponseContentDisposition: contentDisposition(disposition),
          ResponseContentType: disposition.contentType,
        }),
        { expiresIn: expiresInSeconds },
      );
    },

    close() {
      void clients?.then(({ s3, signer }) => {
        s3.destroy();
        signer.destroy();
      });
    },
  };
}
