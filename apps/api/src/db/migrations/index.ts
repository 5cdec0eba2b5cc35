import type { Migration } from 'kysely/migration';
import * as m0001 from './0001_users.ts';

/** Every migration, in order. Names are permanent once released. */
export const migrations: Record<string, Migration> = {
  '0001_users': m0001,
};
