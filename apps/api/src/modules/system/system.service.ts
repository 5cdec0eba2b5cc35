import type { Meta, Readiness, RuntimeMode } from '@taskflow/contract';
import type { Redis } from 'ioredis';
import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { isCurrent, migrationStatus } from '../../platform/db/migrator.ts';

type Deps = {
  db: Kysely<DB>;
  redis?: Redis | undefined;
  version: string;
  mode: RuntimeMode;
  now?: () => Date;
};

export type SystemService = ReturnType<typeof createSystemService>;

export function createSystemService({ db, redis, version, mode, now = () => new Date() }: Deps) {
  return {
    meta(): Meta {
      return { name: 'TaskFlow', version, mode, serverTime: now().toISOString() };
    },

    async readiness(): Promise<Readiness> {
      const checks: Readiness['checks'] = {
        database: { status: 'ok' },
        migrations: { status: 'ok' },
      };
      try {
        await sql`select 1`.execute(db);
        const status = await migrationStatus(db);
        if (!isCurrent(status)) {
          const pending = status.filter((m) => !m.executedAt).map((m) => m.name);
          checks.migrations = { status: 'fail', detail: `pending: ${pending.join(', ')}` };
        }
      } catch {
        checks.database = { status: 'fail', detail: 'database unreachable' };
        checks.migrations = { status: 'fail', detail: 'unknown while the database is unreachable' };
      }
      if (redis) {
        checks.redis = await redis.ping().then(
          () => ({ status: 'ok' as const }),
          () => ({ status: 'fail' as const, detail: 'Redis unreachable' }),
        );
      }
      const ok = Object.values(checks).every((c) => c.status === 'ok');
      return { status: ok ? 'ok' : 'fail', checks };
    },
  };
}
