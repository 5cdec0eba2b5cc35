import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp } from '../../test/app.ts';
import { type Database, openOfflineDatabase } from '../db/database.ts';

let dist: string;
let database: Database;
let ctx: Awaited<ReturnType<typeof buildTestApp>>;
const bundle = `console.log(${JSON.stringify('x'.repeat(5000))});`;

beforeAll(async () => {
  dist = await mkdtemp(path.join(tmpdir(), 'taskflow-dist-'));
  await mkdir(path.join(dist, 'assets'));
  await writeFile(path.join(dist, 'index.html'), '<!doctype html><div id="root"></div>');
  await writeFile(path.join(dist, 'assets', 'index-abc123.js'), bundle);
  await writeFile(path.join(dist, 'favicon.svg'), '<svg/>');
  await writeFile(path.join(dist, 'robots.txt'), 'User-agent: *\n');
  database = openOfflineDatabase();
  ctx = await buildTestApp(
    database,
    { WEB_DIST_DIR: dist, RATE_LIMIT_MAX: '2' },
    { limits: 'real' },
  );
});
afterAll(async () => {
  await ctx.app.close();
  await rm(dist, { recursive: true });
});

describe('serving the built web app', () => {
  it('is not rate-limited: the limit is for the API', async () => {
    for (let i = 0; i < 5; i++) {
      expect((await ctx.app.inject({ url: '/assets/index-abc123.js' })).statusCode).toBe(200);
      expect((await ctx.app.inject({ url: '/w/some-workspace' })).statusCode).toBe(200);
    }
  });

  it('serves index.html at / and is never cached', async () => {
    const res = await ctx.app.inject({ url: '/' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/text\/html/);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.body).toContain('id="root"');
  });

  it('caches hashed assets for a year, immutably, and compresses them', async () => {
    const res = await ctx.app.inject({
      url: '/assets/index-abc123.js',
      headers: { 'accept-encoding': 'gzip' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(res.rawPayload.length).toBeLessThan(bundle.length);
  });

  it('serves the files the build has beside index.html', async () => {
    const res = await ctx.app.inject({ url: '/robots.txt' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/plain/);
    expect(res.body).toBe('User-agent: *\n');
  });

  it('falls back to index.html for client routes', async () => {
    const res = await ctx.app.inject({ url: '/workspaces/42/board?view=kanban' });
    expect(res.statusCode).toBe(200);
    // A token in the path may hold dots; it is still a page.
    expect(
      (await ctx.app.inject({ url: '/setup/eyJhbGciOi.eyJzdWIi.c2lnbmF0dXJl' })).statusCode,
    ).toBe(200);
    expect(res.body).toContain('id="root"');
    expect(res.headers['cache-control']).toBe('no-store');
  });

  it('keeps 404 problem+json for unknown API routes and missing assets', async () => {
    for (const url of ['/api/v1/nope', '/api', '/assets/missing-123.js', '/favicon.ico']) {
      const res = await ctx.app.inject({ url });
      expect(res.statusCode).toBe(404);
      expect(res.json()).toMatchObject({ code: 'ROUTE_NOT_FOUND' });
    }
    const post = await ctx.app.inject({ method: 'POST', url: '/somewhere' });
    expect(post.statusCode).toBe(404);
  });
});
