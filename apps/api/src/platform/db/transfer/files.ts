import { copyFile, mkdir, readdir, rename, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Config } from '../../../config.ts';
import { isStorageKey } from '../../storage/local-store.ts';
import { createS3Store } from '../../storage/s3-store.ts';

type StoredObject = { key: string; file: string; size: number };

/**
 * The objects of a local file store (`FILES_DIR`): attachments and their thumbnails, under
 * their keys. Uploads still arriving (`.incoming`) and half-written files are not objects.
 */
export async function objectsIn(root: string): Promise<StoredObject[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true }).catch(
    (error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return [];
      throw error;
    },
  );
  const objects: StoredObject[] = [];
  for (const entry of entries) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    const key = path.relative(root, file).split(path.sep).join('/');
    if (isStorageKey(key)) objects.push({ key, file, size: (await stat(file)).size });
  }
  return objects.sort((a, b) => a.key.localeCompare(b.key));
}

type Copied = (objects: number) => void;

/**
 * Copies `objects` into the directory `to` under the same keys, each written aside and renamed
 * (a reader never sees half a file), then checks every size there.
 */
export async function copyToDirectory(objects: StoredObject[], to: string, copied: Copied) {
  let done = 0;
  for (const object of objects) {
    const target = path.join(to, ...object.key.split('/'));
    await mkdir(path.dirname(target), { recursive: true });
    await copyFile(object.file, `${target}.partial`);
    await rename(`${target}.partial`, target);
    copied(++done);
  }
  for (const object of objects) {
    const { size } = await stat(path.join(to, ...object.key.split('/')));
    if (size !== object.size) throw new Error(`${object.key} was copied with ${size} bytes`);
  }
}

/**
 * Copies `objects` into the S3 bucket of `settings` under the same keys, then checks every
 * size there. The objects' own type is not kept: TaskFlow names the type of every download.
 */
export async function copyToBucket(
  objects: StoredObject[],
  settings: NonNullable<Config['files']['s3']>,
  copied: Copied,
) {
  const store = createS3Store(settings);
  try {
    let done = 0;
    for (const { key, file, size } of objects) {
      await store.put(key, { path: file }, { size, contentType: 'application/octet-stream' });
      copied(++done);
    }
    for (const object of objects) {
      const size = await store.size(object.key);
      if (size !== object.size) throw new Error(`${object.key} was copied with ${size} bytes`);
    }
  } finally {
    store.close();
  }
}
