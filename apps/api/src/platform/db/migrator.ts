import type { Kysely } from 'kysely';
import { type MigrationResultSet, Migrator, NO_MIGRATIONS } from 'kysely/migration';
import { migrations } from '../../db/migrations/index.ts';

type MigrationStatus = { name: string; executedAt: Date | null }[];
export type MigrationStep = { name: string; direction: 'Up' | 'Down' };

function migrator<T>(db: Kysely<T>) {
  return new Migrator({ db, provider: { getMigrations: async () => migrations } });
}

function unwrap({ error, results }: MigrationResultSet): MigrationStep[] {
  if (error) {
    const failed = results?.find((r) => r.status === 'Error');
    throw new Error(`migration ${failed?.migrationName ?? '(unknown)'} failed`, { cause: error });
  }
  return (results ?? []).map((r) => ({ name: r.migrationName, direction: r.direction }));
}

export const migrateUp = <T>(db: Kysely<T>) => migrator(db).migrateToLatest().then(unwrap);
export const migrateDown = <T>(db: Kysely<T>) => migrator(db).migrateDown().then(unwrap);
export const migrateDownAll = <T>(db: Kysely<T>) =>
  migrator(db).migrateTo(NO_MIGRATIONS).then(unwrap);

export async function migrationStatus<T>(db: Kysely<T>): Promise<MigrationStatus> {
  const all = await migrator(db).getMigrations();
  return all.map((m) => ({ name: m.name, executedAt: m.executedAt ?? null }));
}

export const isCurrent = (status: MigrationStatus) => status.every((m) => m.executedAt !== null);
