import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { envNames, loadConfig } from './config.ts';

describe('.env.example', () => {
  it('documents every variable the config reads, and parses as it stands', async () => {
    const text = await readFile(new URL('../../../.env.example', import.meta.url), 'utf8');
    const documented = new Set([...text.matchAll(/^#?\s*([A-Z][A-Z0-9_]+)=/gm)].map((m) => m[1]));
    for (const name of envNames) expect(documented, name).toContain(name);
    const active = Object.fromEntries(
      [...text.matchAll(/^([A-Z][A-Z0-9_]+)=(.*)$/gm)].map((m) => [m[1], m[2]]),
    );
    expect(() => loadConfig(active)).not.toThrow();
  });
});
