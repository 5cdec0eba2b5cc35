import { Meta, Readiness } from '@taskflow/contract';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../config.ts';
import { migrations } from '../../db/migrations/index.ts';
import { openPostgresDatabase } from '../../platform/db/database.ts';
import { migrateDown, migrateUp } from '../../platform/db/migrator.ts';
import { buildTestApp, useTestApp } from '../../test/app.ts';

const ctx = useTestApp();

describe('system routes', () => {
  it('GET /health answers 200', async () => {
    const res = await ctx.app.inject({ url: '/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok' });
  });

  it('GET /api/v1/meta tells name, version, mode and server time', async () => {
    const res = await ctx.app.inject({ url: '/api/v1/meta' });
    expect(res.statusCode).toBe(200);
    const meta = Meta.parse(res.json());
    expect(meta).toMatchObject({ name: 'TaskFlow', mode: 'embedded' });
    expect(meta.version).toMatch(/^\d+\.\d+\.\d+/);
    expect(Math.abs(Date.parse(meta.serverTime) - Date.now())).toBeLessThan(60_000);
  });

  it('GET /ready answers 200 when the database is up and migrations are current', async () => {
    const res = await ctx.app.inject({ url: '/ready' });
    expect(res.statusCode).toBe(200);
    expect(Readiness.parse(res.json()).status).toBe('ok');
  });

  it('GET /ready answers 503 naming pending migrations', async () => {
    await migrateDown(ctx.database.db);
    // An instance of the new version started before `migrate up` was run.
    const early = await buildTestApp(ctx.database);
    try {
      const res = await early.app.inject({ url: '/ready' });
      expect(res.statusCode).toBe(503);
      expect(res.json()).toMatchObject({
        status: 'fail',
        checks: { database: { status: 'ok' }, migrations: { status: 'fail' } },
      });
      expect(res.json().checks.migrations.detail).toContain(Object.keys(migrations).at(-1));
    } finally {
      await early.app.close();
      await migrateUp(ctx.database.db);
    }
  });
});

describe('readiness without a database', () => {
  it('answers 503 with the database check failing', async () => {
    // Nothing listens on port 1: every connection attempt is refused.
    const unreachable = openPostgresDatabase(
      'postgres://taskflow@127.0.0.1:1/none',
      loadConfig({}).db,
    );
    const { app } = await buildTestApp(unreachable);
    const res = await app.inject({ url: '/ready' });
    expect(res.statusCode).toBe(503);
    expect(res.json().checks.database).toEqual({ status: 'fail', detail: 'database unreachable' });
    await app.close();
    await unreachable.close();
  });
});
