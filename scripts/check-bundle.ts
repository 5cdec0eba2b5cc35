/**
 * `npm run check:bundle`: the size budget of the web app's initial JavaScript — the entry script
 * and every chunk dist/index.html preloads, gzipped — and the rule that admin and chart code
 * load only with their pages. Run after `npm run build`; exits 1 when either is broken.
 *   node scripts/check-bundle.ts [--dist DIR] [--budget-kib N]
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';

const root = path.resolve(import.meta.dirname, '..');
const { values } = parseArgs({
  options: {
    dist: { type: 'string', default: path.join(root, 'apps/web/dist') },
    'budget-kib': { type: 'string', default: '150' },
  },
});
const dist = values.dist;
const budget = Number(values['budget-kib']) * 1024;

/** Code that must stay out of the first load: the admin pages and chart libraries. */
const lazyOnly = /admin|recharts|chart/i;
/**
 * The same code by what survives minification, for when a static import merges it into a chunk
 * of another name: the admin API's paths and Recharts' class names.
 */
const lazyOnlyContent = /\/api\/v1\/admin\/|recharts-(?:wrapper|surface|cartesian|legend)/;

type ManifestChunk = { file: string; src?: string; name?: string; imports?: string[] };

const html = readFileSync(path.join(dist, 'index.html'), 'utf8');
const manifest = JSON.parse(readFileSync(path.join(dist, '.vite/manifest.json'), 'utf8')) as Record<
  string,
  ManifestChunk
>;

const scripts = [
  ...html.matchAll(/<script[^>]*type="module"[^>]*src="\/([^"]+\.js)"/g),
  ...html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="\/([^"]+\.js)"/g),
].map((m) => m[1] ?? '');
if (scripts.length === 0) {
  console.error(`check:bundle: no script in ${path.join(dist, 'index.html')}`);
  process.exit(1);
}

const chunksByFile = new Map(Object.entries(manifest).map(([key, c]) => [c.file, { key, ...c }]));
const rows = scripts.map((file) => {
  const bytes = readFileSync(path.join(dist, file));
  const leak = lazyOnlyContent.exec(bytes.toString('utf8'))?.[0];
  const chunk = chunksByFile.get(file);
  return { file, raw: bytes.length, gzip: gzipSync(bytes).length, chunk, leak };
});
const total = rows.reduce((n, r) => n + r.gzip, 0);
const kib = (n: number) => `${(n / 1024).toFixed(1)} KiB`;

for (const r of rows)
  console.log(`${kib(r.gzip).padStart(10)} gzip  ${kib(r.raw).padStart(10)} raw  ${r.file}`);
console.log(`${kib(total).padStart(10)} gzip in ${rows.length} files (budget ${kib(budget)})`);

const problems: string[] = [];
if (total > budget)
  problems.push(`initial JavaScript is ${kib(total)} gzipped, over ${kib(budget)}`);
for (const { file, chunk, leak } of rows) {
  if (!chunk) problems.push(`${file} is not in the build manifest`);
  const names = [chunk?.key, chunk?.src, chunk?.name, file].filter(Boolean).join(' ');
  if (lazyOnly.test(names)) problems.push(`${file} (${names}) loads with every page`);
  else if (leak)
    problems.push(`${file} holds admin or chart code (“${leak}”) and loads with every page`);
}
if (problems.length > 0) {
  for (const p of problems) console.error(`check:bundle: ${p}`);
  process.exit(1);
}
console.log('check:bundle: within budget');
