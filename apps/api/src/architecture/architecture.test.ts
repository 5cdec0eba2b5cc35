import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const src = path.resolve(import.meta.dirname, '..');
const root = path.resolve(src, '../../..');
const modules = path.join(src, 'modules');

/** Every TypeScript file below `dir`, relative to `src`. */
function sources(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.ts'))
    .map((file) => path.relative(src, path.join(dir, file)));
}

const isTest = (file: string) => file.endsWith('.test.ts') || file.startsWith('test/');
const features = readdirSync(modules, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name);

/** The relative module specifiers a file imports or re-exports. */
function importsOf(file: string): string[] {
  const text = readFileSync(path.join(src, file), 'utf8');
  return [...text.matchAll(/(?:from|import)\s+'(\.[^']+)'/g)].flatMap((m) => (m[1] ? [m[1]] : []));
}

/**
 * Biome's verdict on `content` written as a file in `dir` (relative to the repository), as the
 * lint step would see it there; the file is removed again.
 */
function lint(dir: string, content: string) {
  const file = path.join(root, dir, `lint-probe-${randomUUID()}.ts`);
  writeFileSync(file, content);
  try {
    const biome = path.join(root, 'node_modules/@biomejs/biome/bin/biome');
    const run = spawnSync(process.execPath, [biome, 'lint', '--colors=off', file], {
      cwd: root,
      encoding: 'utf8',
    });
    return { ok: run.status === 0, output: `${run.stdout}${run.stderr}` };
  } finally {
    rmSync(file, { force: true });
  }
}

const importing = (spec: string) =>
  `import * as other from '${spec}';\n\nexport const used = other;\n`;

/** Lint refuses a file in `dir` importing `spec`, and says `why`. */
function expectRefused(dir: string, spec: string, why: string) {
  const verdict = lint(dir, importing(spec));
  expect(verdict.ok).toBe(false);
  expect(verdict.output).toContain(why);
}

describe('feature boundaries', () => {
  it('lint refuses an import of another API feature’s internals, and allows its index', () => {
    const dir = 'apps/api/src/modules/tasks';
    expectRefused(dir, '../auth/auth.service.ts', 'API features do not reach into each other');
    expect(lint(dir, importing('../auth/index.ts')).ok).toBe(true);
    expect(lint(dir, importing('../../platform/errors.ts')).ok).toBe(true);
  });

  it('lint refuses the composition root or the CLI reaching into a feature', () => {
    expectRefused(
      'apps/api/src/cli/commands',
      '../../modules/tasks/tasks.repository.ts',
      'through its index.ts',
    );
  });

  it('lint refuses a web feature importing another', () => {
    expectRefused(
      'apps/web/src/features/tasks/api',
      '../../workspaces/api/get-members.ts',
      'Features do not import each other',
    );
  });

  it('features depend on each other without cycles, only through their index.ts', () => {
    const graph = new Map<string, Set<string>>(features.map((f) => [f, new Set()]));
    const reachIns: string[] = [];
    for (const file of sources(modules).filter((f) => !isTest(f))) {
      const feature = file.split('/')[1] ?? '';
      for (const spec of importsOf(file)) {
        const target = path.relative(
          modules,
          path.resolve(path.dirname(path.join(src, file)), spec),
        );
        const [other, ...rest] = target.split('/');
        if (!other || other.startsWith('..') || other === feature || rest.length === 0) continue;
        graph.get(feature)?.add(other);
        if (rest.join('/') !== 'index.ts') reachIns.push(`${file} → ${target}`);
      }
    }
    expect(reachIns).toEqual([]);

    const cycles: string[] = [];
    const visit = (node: string, trail: string[]) => {
      if (trail.includes(node)) {
        cycles.push([...trail.slice(trail.indexOf(node)), node].join(' → '));
        return;
      }
      for (const next of graph.get(node) ?? []) visit(next, [...trail, node]);
    };
    for (const feature of features) visit(feature, []);
    expect(cycles).toEqual([]);
  });
});

describe('the database layer', () => {
  /** Query builders, raw SQL and transactions: what only repositories may use. */
  const speaksSql =
    /\.(selectFrom|insertInto|updateTable|deleteFrom|replaceInto|with|transaction)\(|\bsql(`|<|\.(raw|ref|join|lit|id|table|val)\()/;
  const allowed = (file: string) =>
    file.endsWith('.repository.ts') ||
    file.startsWith('platform/db/') ||
    file.startsWith('db/') ||
    isTest(file);

  it('only repositories (and the database platform) speak SQL', () => {
    const offenders = sources(src)
      .filter((file) => !allowed(file))
      .flatMap((file) =>
        readFileSync(path.join(src, file), 'utf8')
          .split('\n')
          .flatMap((line, i) => (speaksSql.test(line) ? [`${file}:${i + 1}: ${line.trim()}`] : [])),
      );
    expect(offenders).toEqual([]);
  });

  it('the search finds SQL where it is', () => {
    expect(speaksSql.test("db.selectFrom('tasks')")).toBe(true);
    expect(speaksSql.test('await sql`select 1`.execute(db)')).toBe(true);
    expect(speaksSql.test('db.transaction().execute(work)')).toBe(true);
    expect(speaksSql.test('const rows = await repo.list(input)')).toBe(false);
  });

  it('services know nothing of HTTP', () => {
    const offenders = sources(modules)
      .filter((file) => file.endsWith('.service.ts'))
      .filter(
        (file) =>
          importsOf(file).some((spec) => spec.includes('platform/http')) ||
          /from 'fastify/.test(readFileSync(path.join(src, file), 'utf8')),
      );
    expect(offenders).toEqual([]);
  });
});
