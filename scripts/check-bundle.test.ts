import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const script = path.resolve(import.meta.dirname, 'check-bundle.ts');
const dirs: string[] = [];

/** A fake build: index.html loading `entry`, preloading `preload`, each of the given size. */
async function build(
  files: { file: string; src: string; bytes: number; preload?: boolean; text?: string }[],
) {
  const dist = await mkdtemp(path.join(tmpdir(), 'taskflow-bundle-'));
  dirs.push(dist);
  await mkdir(path.join(dist, 'assets'));
  await mkdir(path.join(dist, '.vite'));
  const manifest: Record<string, unknown> = {};
  const tags: string[] = [];
  for (const [i, f] of files.entries()) {
    // Random bytes do not compress: the gzipped size is about the raw size.
    await writeFile(
      path.join(dist, f.file),
      (f.text ?? '') + randomBytes(f.bytes).toString('base64').slice(0, f.bytes),
    );
    manifest[f.src] = { file: f.file, src: f.src };
    tags.push(
      i === 0
        ? `<script type="module" crossorigin src="/${f.file}"></script>`
        : f.preload
          ? `<link rel="modulepreload" crossorigin href="/${f.file}">`
          : '',
    );
  }
  await writeFile(path.join(dist, 'index.html'), `<html><head>${tags.join('')}</head></html>`);
  await writeFile(path.join(dist, '.vite/manifest.json'), JSON.stringify(manifest));
  return dist;
}

const check = (dist: string, budgetKib = 150) =>
  run(process.execPath, [script, '--dist', dist, '--budget-kib', String(budgetKib)]).then(
    ({ stdout }) => ({ code: 0, out: stdout }),
    (e: { code: number; stderr: string }) => ({ code: e.code, out: e.stderr }),
  );

afterEach(async () => {
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

describe('check:bundle', () => {
  it('passes within the budget, counting the entry and its preloads but not lazy chunks', async () => {
    const dist = await build([
      { file: 'assets/index-a.js', src: 'index.html', bytes: 60_000 },
      { file: 'assets/vendor-b.js', src: '_vendor.js', bytes: 60_000, preload: true },
      { file: 'assets/board-c.js', src: 'src/routes/board.tsx', bytes: 400_000 },
    ]);
    const { code, out } = await check(dist);
    expect(code).toBe(0);
    expect(out).toContain('in 2 files');
  });

  it('fails over the budget, saying by how much', async () => {
    const dist = await build([
      { file: 'assets/index-a.js', src: 'index.html', bytes: 140_000 },
      { file: 'assets/vendor-b.js', src: '_vendor.js', bytes: 100_000, preload: true },
    ]);
    const { code, out } = await check(dist);
    expect(code).toBe(1);
    expect(out).toMatch(/initial JavaScript is 1\d\d\.\d KiB gzipped, over 150\.0 KiB/);
  });

  it('fails when admin or chart code is part of the first load', async () => {
    const dist = await build([
      { file: 'assets/index-a.js', src: 'index.html', bytes: 1_000 },
      {
        file: 'assets/charts-b.js',
        src: 'node_modules/recharts/index.js',
        bytes: 1_000,
        preload: true,
      },
    ]);
    const { code, out } = await check(dist);
    expect(code).toBe(1);
    expect(out).toContain('loads with every page');
  });

  it.each([
    ['chart', 'className:"recharts-wrapper"'],
    ['admin', 'api.GET("/api/v1/admin/stats")'],
  ])('fails when %s code was bundled into a chunk of another name', async (_what, text) => {
    const dist = await build([
      { file: 'assets/index-a.js', src: 'index.html', bytes: 1_000 },
      { file: 'assets/vendor-b.js', src: '_vendor.js', bytes: 1_000, preload: true, text },
      { file: 'assets/admin-c.js', src: 'src/routes/admin.tsx', bytes: 1_000, text },
    ]);
    const { code, out } = await check(dist);
    expect(code).toBe(1);
    expect(out).toContain('assets/vendor-b.js holds admin or chart code');
    expect(out).not.toContain('admin-c.js');
  });
});
