import { readFile } from 'node:fs/promises';
import { Validator } from '@seriousme/openapi-schema-validator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp } from '../../test/app.ts';
import { openOfflineDatabase } from '../db/database.ts';

const database = openOfflineDatabase();
let ctx: Awaited<ReturnType<typeof buildTestApp>>;

beforeAll(async () => {
  ctx = await buildTestApp(database);
  await ctx.app.ready();
});
afterAll(async () => {
  await ctx.app.close();
});

type Operation = {
  responses: Record<string, unknown>;
  tags?: string[];
  summary?: string;
  security?: Record<string, string[]>[];
};

describe('OpenAPI document', () => {
  it('/api/openapi.json is a valid OpenAPI 3.1 document', async () => {
    const res = await ctx.app.inject({ url: '/api/openapi.json' });
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.openapi).toBe('3.1.0');
    const validator = new Validator();
    const result = await validator.validate(doc);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(validator.version).toBe('3.1');
  });

  it('declares bearer, personal access token and cookie security schemes', async () => {
    const doc = (await ctx.app.inject({ url: '/api/openapi.json' })).json();
    expect(Object.keys(doc.components.securitySchemes).sort()).toEqual([
      'adminBearerAuth',
      'bearerAuth',
      'personalAccessToken',
      'refreshCookie',
    ]);
  });

  it('offers personal access tokens everywhere a session may go but administration and the account’s own security', async () => {
    const doc = (await ctx.app.inject({ url: '/api/openapi.json' })).json();
    const sessionOnly: string[] = [];
    for (const [path, item] of Object.entries(
      doc.paths as Record<string, Record<string, Operation>>,
    )) {
      for (const [method, op] of Object.entries(item)) {
        const schemes = (op.security ?? []).flatMap((s) => Object.keys(s));
        if (schemes.includes('bearerAuth') && !schemes.includes('personalAccessToken')) {
          sessionOnly.push(`${method.toUpperCase()} ${path}`);
        }
        if (schemes.includes('personalAccessToken')) expect(op.responses['403']).toBeDefined();
      }
    }
    expect(sessionOnly.sort()).toEqual([
      'DELETE /api/v1/me/passkeys/{id}',
      'GET /api/v1/me/access-tokens',
      'GET /api/v1/me/passkeys',
      'GET /api/v1/me/sessions',
      'GET /api/v1/me/two-factor',
      'PATCH /api/v1/me/passkeys/{id}',
      'POST /api/v1/me/access-tokens',
      'POST /api/v1/me/access-tokens/{id}/revoke',
      'POST /api/v1/me/passkeys',
      'POST /api/v1/me/passkeys/registration-options',
      'POST /api/v1/me/password',
      'POST /api/v1/me/sessions/revoke-all',
      'POST /api/v1/me/sessions/{id}/revoke',
      'POST /api/v1/me/two-factor/confirm',
      'POST /api/v1/me/two-factor/disable',
      'POST /api/v1/me/two-factor/enrol',
      'POST /api/v1/me/two-factor/recovery-codes',
    ]);
  });

  it('every operation has a summary, tags, and declares its errors as problem+json', async () => {
    const doc = (await ctx.app.inject({ url: '/api/openapi.json' })).json();
    const operations = Object.values(
      doc.paths as Record<string, Record<string, Operation>>,
    ).flatMap((item) => Object.values(item));
    expect(operations.length).toBeGreaterThan(0);
    for (const op of operations) {
      expect(op.summary).toBeTruthy();
      expect(op.tags?.length).toBeGreaterThan(0);
      const errors = Object.entries(op.responses).filter(([status]) => Number(status) >= 400);
      expect(errors.length).toBeGreaterThan(0);
    }
  });

  it('is the committed docs/openapi.json (run `npm run gen` after changing routes)', async () => {
    const committed = JSON.parse(
      await readFile(new URL('../../../../../docs/openapi.json', import.meta.url), 'utf8'),
    );
    expect((await ctx.app.inject({ url: '/api/openapi.json' })).json()).toEqual(committed);
  });

  it('/api/docs renders the interactive documentation', async () => {
    const res = await ctx.app.inject({ url: '/api/docs' });
    const page =
      res.statusCode === 302 ? await ctx.app.inject({ url: res.headers.location as string }) : res;
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toMatch(/text\/html/);
    expect(page.body).toContain('swagger-ui');
  });
});
