import { createReadStream } from 'node:fs';
import { copyFile, mkdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { FileStore } from './file-store.ts';

/** Keys are made by TaskFlow (`<uuid>/<uuid>[.suffix]`); anything else never reaches the disk. */
const KEY = /^[0-9a-f-]{36}\/[0-9a-f-]{36}(\.[a-z]+)?$/;

/** Whether `key` (a path under the root, `/`-separated) names a stored object. */
export const isStorageKey = (key: string) => KEY.test(key);

function within(root: string, key: string) {
  if (!KEY.test(key)) throw new Error(`not a storage key: ${JSON.stringify(key)}`);
  return path.join(root, ...key.split('/'));
}

/** Attachments in a directory (`FILES_DIR`): one file per key, written whole or not at all. */
export function createLocalStore(root: string): FileStore {
  return {
    direct: false,

    async put(key, source) {
      const target = within(root, key);
      await mkdir(path.dirname(target), { recursive: true });
      if ('bytes' in source) {
        // Written aside, then renamed: a reader never sees half a file.
        const partial = `${target}.partial`;
        await writeFile(partial, source.bytes);
        await rename(partial, target);
        return;
      }
      try {
        await rename(source.path, target);
      } catch (error) {
        // The spool directory may be on another file system.
        if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
        await copyFile(source.path, `${target}.partial`);
        await rename(`${target}.partial`, target);
      }
    },

    async read(key) {
      const file = within(root, key);
      await stat(file);
      return createReadStream(file);
    },

    async size(key) {
      try {
        return (await stat(within(root, key))).size;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw error;
      }
    },

    async remove(key) {
      await rm(within(root, key), { force: true });
    },
  };
}
