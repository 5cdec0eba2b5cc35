import { problemType } from '@taskflow/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { buildTestApp } from '../../test/app.ts';
import { createTestDatabase } from '../../test/database.ts';
import type { Database } from '../db/database.ts';
import { NotFoundError } from '../errors.ts';
import { AppError } from './errors.ts';

let database: Database;
let ctx: Awaited<ReturnType<typeof buildTestApp>>;

beforeAll(async () => {
  database = await createTestDatabase();
  ctx = await buildTestApp(database, { BODY_LIMIT_BYTES: '2048' });
  const app = ctx.app;
  app.post(
    '/api/v1/test/echo',
    {
      schema: {
        body: z.object({
          title: z.string().min(1).max(5),
          tags: z.array(z.string().max(3)).max(2),
        }),
        querystring: z.object({ limit: z.coerce.number().int().max(10).optional() }),
      },
    },
    async (request) => request.body,
  );
  app.get('/api/v1/test/boom', async () => {
    throw new Error('connection to db-internal-7 failed: password=hunter2');
  });
  app.get('/api/v1/test/missing', async () => {
    throw new NotFoundError('task');
  });
  app.get('/api/v1/test/conflict', async () => {
    throw new AppError('CONFLICT', { detail: 'Already done' });
  });
  await app.ready();
});

afterAll(async () => {
  await ctx.app.close();
  await database.close();
});

function expectProblem(
  res: { statusCode: number; headers: Record<string, unknown>; json(): Record<string, unknown> },
  status: number,
  code: string,
) {
  expect(res.statusCode).toBe(status);
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  const body = res.json();
  expect(body).toMatchObject({ status, code, type: problemType(code as never) });
  expect(body.requestId).toBe(res.headers['x-request-id']);
  expect(typeof body.title).toBe('string');
  return body;
}

/** A POST to the echo route: `payload` as JSON, unless `contentType` names another type. */
const echo = (payload: object | string, options: { query?: string; contentType?: string } = {}) =>
  ctx.app.inject({
    method: 'POST',
    url: `/api/v1/test/echo${options.query ?? ''}`,
    headers: options.contentType ? { 'content-type': options.contentType } : {},
    payload,
  });

describe('problem+json for every failure', () => {
  it('validation errors name each bad field with its path', async () => {
    const res = await echo({ title: 'ok', tags: [] }, { query: '?limit=99' });
    const body = expectProblem(res, 400, 'VALIDATION_FAILED');
    expect(body.errors).toEqual([{ path: 'query.limit', message: expect.any(String) }]);

    const res2 = await echo({ title: '', tags: ['ok', 'toolong'] });
    const body2 = expectProblem(res2, 400, 'VALIDATION_FAILED');
    const paths = (body2.errors as { path: string }[]).map((e) => e.path).sort();
    expect(paths).toEqual(['body.tags.1', 'body.title']);
  });

  it('a valid request passes through', async () => {
    const res = await echo({ title: 'ok', tags: [] });
    expect(res.statusCode).toBe(200);
  });

  it('unknown route → 404 ROUTE_NOT_FOUND', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: '/api/v1/nope' });
    expectProblem(res, 404, 'ROUTE_NOT_FOUND');
  });

  it('malformed JSON → 400 MALFORMED_JSON', async () => {
    const res = await echo('{"title": ', { contentType: 'application/json' });
    expectProblem(res, 400, 'MALFORMED_JSON');
  });

  it('body too large → 413 PAYLOAD_TOO_LARGE', async () => {
    const res = await echo({ title: 'x'.repeat(4096), tags: [] });
    expectProblem(res, 413, 'PAYLOAD_TOO_LARGE');
  });

  it('unsupported content type → 415', async () => {
    const res = await echo('x', { contentType: 'application/x-unknown' });
    expectProblem(res, 415, 'UNSUPPORTED_MEDIA_TYPE');
  });

  it('domain errors keep their code and detail', async () => {
    const notFound = await ctx.app.inject({ method: 'GET', url: '/api/v1/test/missing' });
    expect(expectProblem(notFound, 404, 'NOT_FOUND').detail).toBe('The task was not found');
    const conflict = await ctx.app.inject({ method: 'GET', url: '/api/v1/test/conflict' });
    expect(expectProblem(conflict, 409, 'CONFLICT').detail).toBe('Already done');
  });

  it('an unexpected error leaks nothing but logs the cause', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: '/api/v1/test/boom' });
    const body = expectProblem(res, 500, 'INTERNAL');
    expect(Object.keys(body).sort()).toEqual([
      'code',
      'instance',
      'requestId',
      'status',
      'title',
      'type',
    ]);
    expect(res.body).not.toMatch(/db-internal|hunter2|stack|Error:/);
    const logged = ctx.logs.lines.find(
      (l) => l.requestId === body.requestId && l.level === 'error',
    );
    expect(JSON.stringify(logged)).toContain('db-internal-7');
  });
});

describe('errors before routing', () => {
  it('a malformed URL or an over-long path parameter is problem+json too', async () => {
    for (const url of [
      '/api/v1/me/sessions/%zz/revoke',
      `/api/v1/admin/users/${'x'.repeat(1_500)}/disable`,
    ]) {
      const res = await ctx.app.inject({ method: 'POST', url });
      expectProblem(res, 400, 'BAD_REQUEST');
    }
  });
});
