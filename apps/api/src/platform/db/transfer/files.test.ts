import { randomUUID } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { text } from 'node:stream/consumers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../config.ts';
import { startS3 } from '../../../test/s3.ts';
import { createS3Store } from '../../storage/s3-store.ts';
import { copyToBucket, copyToDirectory, objectsIn } from './files.ts';

/** A local file store's objects copied for a cluster: into a shared directory, or a bucket. */
describe('the files of an embedded TaskFlow', () => {
  let root: string;
  let s3: Awaited<ReturnType<typeof startS3>>;
  const key = `${randomUUID()}/${randomUUID()}`;
  const objects = { [key]: 'the original', [`${key}.thumb`]: 'its thumbnail' };

  beforeAll(async () => {
    root = await mkdtemp(path.join(tmpdir(), 'taskflow-files-copy-'));
    s3 = await startS3();
    const store = path.join(root, 'files');
    for (const [name, content] of Object.entries({
      ...objects,
      '.incoming/upload-in-progress.upload': 'half an upload',
      [`${key}.png.partial`]: 'a file being written',
      'notes.txt': 'not an object',
    })) {
      await mkdir(path.dirname(path.join(store, name)), { recursive: true });
      await writeFile(path.join(store, name), content);
    }
  });
  afterAll(async () => {
    await s3?.stop();
    await rm(root, { recursive: true, force: true });
  });

  it('are the objects under their keys, not uploads arriving nor half-written files', async () => {
    const found = await objectsIn(path.join(root, 'files'));
    expect(found.map((o) => [o.key, o.size])).toEqual(
      Object.entries(objects).map(([k, content]) => [k, content.length]),
    );
    expect(await objectsIn(path.join(root, 'nowhere'))).toEqual([]);
  });

  it('are copied into a directory under the same keys', async () => {
    const to = path.join(root, 'shared');
    const done: number[] = [];
    await copyToDirectory(await objectsIn(path.join(root, 'files')), to, (n) => done.push(n));
    expect(done).toEqual([1, 2]);
    for (const [k, content] of Object.entries(objects))
      expect(await readFile(path.join(to, ...k.split('/')), 'utf8')).toBe(content);
    expect((await objectsIn(to)).length).toBe(2);
  });

  it('are copied into an S3 bucket under the same keys', async () => {
    const settings = loadConfig(s3.env).files.s3;
    if (!settings) throw new Error('S3 settings expected');
    await copyToBucket(await objectsIn(path.join(root, 'files')), settings, () => undefined);
    const bucket = createS3Store(settings);
    try {
      for (const [k, content] of Object.entries(objects))
        expect(await text(await bucket.read(k))).toBe(content);
    } finally {
      bucket.close();
    }
  });
});
