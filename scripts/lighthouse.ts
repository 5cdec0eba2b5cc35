/**
 * `npm run lighthouse`: Lighthouse (desktop and mobile presets) on the sign-in page and on a
 * signed-in board, against the built web app served by the real server (embedded, a scratch data
 * directory seeded by `taskflow seed`), in Debian's Chromium. Each page and preset runs
 * `LIGHTHOUSE_RUNS` times (3); the run with the median performance score is reported. Writes its
 * section of docs/benchmarks.md, between its markers (the bench keeps it) and prints the same. It reports; it does not
 * gate: run it on a quiet machine.
 */

import { once } from 'node:events';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import lighthouse, { desktopConfig, type Flags, type Result } from 'lighthouse';
import { chromium } from 'playwright';
import { build } from 'vite';
import { appEnv, cli, root, scratchDir, seed } from './bench/lib/app.ts';
import { freePort, startServer, stopAll } from './bench/lib/child.ts';
import { createCleanups } from './bench/lib/cleanups.ts';

const dist = path.join(root, 'apps/web/dist');
const reportPath = path.join(root, 'docs/benchmarks.md');
const runs = Number(process.env.LIGHTHOUSE_RUNS ?? 3);
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** The section's bounds in docs/benchmarks.md; scripts/bench/lib/report.ts carries it over. */
const SECTION_START = '<!-- lighthouse:start -->';
const SECTION_END = '<!-- lighthouse:end -->';

/**
 * The reference page: React and ReactDOM rendering a sign-in form, nothing else (the least a
 * React app does), audited in the same run, so that the app's figures read against what this
 * machine allows.
 */
const referenceSource = path.join(root, 'scripts/lighthouse-reference');
const REFERENCE = 'reference (React alone)';

/** The targets, reported beside each figure. */
const targets = { desktop: 0.95, mobile: 0.9, lcpMobileMs: 2_500 };

type Preset = 'desktop' | 'mobile';
type Figures = {
  page: string;
  preset: Preset;
  performance: number;
  accessibility: number;
  bestPractices: number;
  lcpMs: number;
  tbtMs: number;
  cls: number;
  /** Audits of accessibility and best practices that failed, by id. */
  failing: string[];
};

const score = (lhr: Result, category: string) => lhr.categories[category]?.score ?? 0;
const numeric = (lhr: Result, audit: string) => lhr.audits[audit]?.numericValue ?? Number.NaN;

function figures(page: string, preset: Preset, lhr: Result): Figures {
  const failing = ['accessibility', 'best-practices'].flatMap((category) =>
    (lhr.categories[category]?.auditRefs ?? [])
      .filter((ref) => ref.weight > 0 && (lhr.audits[ref.id]?.score ?? 1) < 1)
      .map((ref) => ref.id),
  );
  return {
    page,
    preset,
    performance: score(lhr, 'performance'),
    accessibility: score(lhr, 'accessibility'),
    bestPractices: score(lhr, 'best-practices'),
    lcpMs: numeric(lhr, 'largest-contentful-paint'),
    tbtMs: numeric(lhr, 'total-blocking-time'),
    cls: numeric(lhr, 'cumulative-layout-shift'),
    failing,
  };
}

async function audit(url: string, page: string, preset: Preset, port: number): Promise<Figures> {
  const flags: Flags = {
    port,
    output: 'json',
    logLevel: 'error',
    onlyCategories: ['performance', 'accessibility', 'best-practices'],
    // The signed-in board needs the session cookie the browser holds.
    disableStorageReset: true,
  };
  const all: Figures[] = [];
  for (let run = 0; run < runs; run++) {
    const result = await lighthouse(url, flags, preset === 'desktop' ? desktopConfig : undefined);
    if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
    if (result.lhr.runtimeError) throw new Error(`${url}: ${result.lhr.runtimeError.message}`);
    all.push(figures(page, preset, result.lhr));
    console.log(
      `${page}, ${preset}, run ${run + 1}: performance ${all.at(-1)?.performance}, LCP ${Math.round(all.at(-1)?.lcpMs ?? 0)} ms`,
    );
  }
  all.sort((a, b) => a.performance - b.performance);
  const median = all[Math.floor(all.length / 2)];
  if (!median) throw new Error('no Lighthouse run');
  return median;
}

/**
 * Builds the reference page (Vite, production) into a scratch directory and serves it on
 * loopback, compressed as the app's server compresses: its URL.
 */
async function serveReference(cleanups: ReturnType<typeof createCleanups>): Promise<string> {
  const outDir = scratchDir('taskflow-lighthouse-reference-', cleanups);
  await build({
    root: referenceSource,
    logLevel: 'warn',
    build: { outDir, emptyOutDir: true },
  });
  const types: Record<string, string> = {
    '.html': 'text/html; charset=utf-8',
    '.js': 'text/javascript; charset=utf-8',
  };
  const server = createServer((request, response) => {
    const pathname = new URL(request.url ?? '/', 'http://reference').pathname;
    const file = path.join(outDir, pathname === '/' ? 'index.html' : path.normalize(pathname));
    if (!file.startsWith(outDir)) return void response.writeHead(404).end();
    readFile(file).then(
      (body) => {
        response.writeHead(200, {
          'Content-Type': types[path.extname(file)] ?? 'application/octet-stream',
          'Cache-Control': 'no-cache',
          'Content-Encoding': 'gzip',
        });
        response.end(gzipSync(body));
      },
      () => response.writeHead(404).end(),
    );
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  cleanups.add(() => new Promise<void>((resolve) => server.close(() => resolve())));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no TCP port');
  return `http://127.0.0.1:${address.port}/`;
}

const met = (ok: boolean) => (ok ? 'met' : '**not met**');

function render(results: Figures[], date: string, version: string): string[] {
  const rows = results.map(
    (r) =>
      `| ${r.page} | ${r.preset} | ${r.performance.toFixed(2)} | ${(r.lcpMs / 1000).toFixed(2)} s | ${Math.round(r.tbtMs)} ms | ${r.cls.toFixed(3)} | ${r.accessibility.toFixed(2)} | ${r.bestPractices.toFixed(2)} |`,
  );
  const checks = results
    .filter((r) => r.page !== REFERENCE)
    .map((r) => {
      const perf = r.preset === 'desktop' ? targets.desktop : targets.mobile;
      const parts = [
        `performance ≥ ${perf}: ${met(r.performance >= perf)}`,
        ...(r.preset === 'mobile'
          ? [`LCP ≤ ${targets.lcpMobileMs / 1000} s: ${met(r.lcpMs <= targets.lcpMobileMs)}`]
          : []),
        `accessibility 1.00: ${met(r.accessibility === 1)}`,
        `best practices 1.00: ${met(r.bestPractices === 1)}`,
      ];
      const failing = r.failing.length > 0 ? ` Failing audits: ${r.failing.join(', ')}.` : '';
      return `- ${r.page}, ${r.preset}: ${parts.join('; ')}.${failing}`;
    });
  return [
    SECTION_START,
    '## Web app (Lighthouse)',
    '',
    `Produced by \`npm run lighthouse\` on ${date}: Lighthouse ${version}, Debian Chromium, the built app served by \`taskflow serve\` (embedded) on loopback; the sign-in page signed out, and the board of a workspace of 200 tasks made by \`taskflow seed\`, signed in. Lighthouse's desktop preset, and its default mobile preset (simulated slow 4G, 4× CPU slowdown); each row is the median of ${runs} runs by performance score. The ${REFERENCE} rows are a page that only renders a sign-in form with React and ReactDOM (\`scripts/lighthouse-reference/\`, built by Vite, served compressed on loopback), audited in the same run: no React app does less before its first paint, so they show what this machine allows.`,
    '',
    '| Page | Preset | Performance | LCP | TBT | CLS | Accessibility | Best practices |',
    '| ---- | ------ | ----------: | --: | --: | --: | ------------: | -------------: |',
    ...rows,
    '',
    ...checks,
    SECTION_END,
    '',
  ];
}

/** Replaces the section in docs/benchmarks.md, or adds it before the notes. */
function writeSection(lines: string[]) {
  const text = existsSync(reportPath) ? readFileSync(reportPath, 'utf8') : '# Benchmarks\n\n';
  const section = lines.join('\n');
  const start = text.indexOf(SECTION_START);
  const end = text.indexOf(SECTION_END);
  let next: string;
  if (start >= 0 && end > start) {
    next = text.slice(0, start) + section + text.slice(end + SECTION_END.length + 1);
  } else {
    const notes = text.indexOf('## Notes');
    next = notes >= 0 ? text.slice(0, notes) + section + text.slice(notes) : `${text}\n${section}`;
  }
  writeFileSync(reportPath, next);
  console.log(`Wrote ${path.relative(process.cwd(), reportPath)}`);
}

async function main() {
  if (!existsSync(path.join(dist, 'index.html'))) {
    throw new Error('apps/web/dist has no build: run `npm run build` first');
  }
  const cleanups = createCleanups();
  try {
    const dataDir = scratchDir('taskflow-lighthouse-', cleanups);
    const seeded = seed({ kind: 'embedded', dataDir }, 3, 200);
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    await startServer(
      [cli, 'serve'],
      { ...appEnv(port, dataDir), WEB_DIST_DIR: dist },
      `${base}/ready`,
      120_000,
    );

    const debugPort = await freePort();
    const profile = scratchDir('taskflow-lighthouse-profile-', cleanups);
    const browser = await chromium.launchPersistentContext(profile, {
      executablePath: chromiumPath,
      headless: true,
      args: [
        `--remote-debugging-port=${debugPort}`,
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    });
    cleanups.add(() => browser.close());

    const results: Figures[] = [];
    const reference = await serveReference(cleanups);
    for (const preset of ['desktop', 'mobile'] as const) {
      results.push(await audit(reference, REFERENCE, preset, debugPort));
      results.push(await audit(`${base}/sign-in`, 'sign-in', preset, debugPort));
    }

    // Signed in through the page, so the browser holds the refresh cookie the board starts from.
    const page = await browser.newPage();
    await page.goto(`${base}/sign-in`);
    await page.getByLabel('Email').fill(seeded.emails[0] ?? '');
    await page.getByLabel('Password', { exact: true }).fill(seeded.password);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.waitForURL(/\/w\//);
    await page.close();

    const board = `${base}/w/${seeded.workspaceId}`;
    for (const preset of ['desktop', 'mobile'] as const) {
      results.push(await audit(board, 'board', preset, debugPort));
    }

    const { version } = JSON.parse(
      readFileSync(path.join(root, 'node_modules/lighthouse/package.json'), 'utf8'),
    ) as { version: string };
    const lines = render(results, new Date().toISOString(), version);
    console.log(lines.join('\n'));
    writeSection(lines);
  } finally {
    await stopAll();
    await cleanups.run();
  }
}

await main();
