import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '..');
const script = path.join(root, 'scripts/contract.ts');
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'taskflow-contract-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function check(openapi: string, types: string) {
  const args = [script, 'check', '--openapi', openapi, '--types', types];
  return run(process.execPath, args, { cwd: root }).then(
    ({ stdout }) => ({ code: 0, out: stdout }),
    (error: { code: number; stderr: string }) => ({ code: error.code, out: error.stderr }),
  );
}

describe('check:contract', () => {
  it('passes when the files are what the routes generate', async () => {
    const openapi = path.join(dir, 'fresh.json');
    const types = path.join(dir, 'fresh.gen.ts');
    await run(process.execPath, [script, 'write', '--openapi', openapi, '--types', types]);
    expect(await check(openapi, types)).toMatchObject({ code: 0 });
  });

  it('fails, naming the file, when a route schema changed without `npm run gen`', async () => {
    // A committed document from before a schema change: one response field less than the code has.
    const doc = JSON.parse(await readFile(path.join(root, 'docs/openapi.json'), 'utf8'));
    delete doc.components.schemas.Meta.properties.serverTime;
    const stale = path.join(dir, 'stale.json');
    await writeFile(stale, `${JSON.stringify(doc, null, 2)}\n`);
    const result = await check(stale, path.join(root, 'packages/contract/src/openapi.gen.ts'));
    expect(result.code).toBe(1);
    expect(result.out).toContain('contract out of date');
    expect(result.out).toContain('stale.json');
  });

  it('fails when the generated web types were edited by hand', async () => {
    const types = path.join(dir, 'edited.gen.ts');
    const original = await readFile(
      path.join(root, 'packages/contract/src/openapi.gen.ts'),
      'utf8',
    );
    await writeFile(types, original.replace('serverTime: string', 'serverTime: number'));
    const result = await check(path.join(root, 'docs/openapi.json'), types);
    expect(result.code).toBe(1);
    expect(result.out).toContain('edited.gen.ts');
  });
});
