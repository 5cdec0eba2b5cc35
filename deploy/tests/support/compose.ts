import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { fromRoot } from './paths.ts';

/** A .env file as Compose reads it: KEY=value lines, `#` comments, quotes around a value. */
function readDotenv(file: string): Record<string, string> {
  const entries = readFileSync(file, 'utf8')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'))
    .map((line) => {
      const at = line.indexOf('=');
      const value = line.slice(at + 1).trim();
      const quoted = /^(["']).*\1$/.test(value);
      return [line.slice(0, at).trim(), quoted ? value.slice(1, -1) : value] as const;
    });
  return Object.fromEntries(entries);
}

const VARIABLE = /\$\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?])([^}]*))?\}/g;

/**
 * Compose's interpolation of `${VAR}`, `${VAR:-default}`, `${VAR-default}`, `${VAR:?message}`
 * and `${VAR?message}` in every string value; a missing required variable throws, as
 * `docker compose` stops. Also returns the names the file refers to.
 */
function interpolate(value: unknown, env: Record<string, string>) {
  const referenced = new Set<string>();
  const expand = (text: string) =>
    text.replace(VARIABLE, (_, name: string, operator = '', operand = '') => {
      referenced.add(name);
      const set = env[name];
      const missing = operator.startsWith(':') ? !set : set === undefined;
      if (!missing) return set ?? '';
      if (operator.endsWith('?')) throw new Error(`${name}: ${operand || 'required'}`);
      return operator.endsWith('-') ? operand : '';
    });
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string') return expand(v);
    if (Array.isArray(v)) return v.map(walk);
    if (v && typeof v === 'object') {
      return Object.fromEntries(Object.entries(v).map(([k, item]) => [k, walk(item)]));
    }
    return v;
  };
  return { value: walk(value), referenced };
}

export type Healthcheck = { test?: string | string[]; disable?: boolean };
export type Service = {
  image?: string;
  build?: { context: string; dockerfile: string };
  command?: string[];
  environment?: Record<string, string>;
  depends_on?: Record<string, { condition: string }>;
  healthcheck?: Healthcheck;
  stop_grace_period?: string;
  restart?: string;
  volumes?: string[];
  ports?: string[];
};
type ComposeFile = { services: Record<string, Service> };

const composePath = fromRoot('deploy/compose.yaml');
const envExamplePath = fromRoot('deploy/.env.example');

/** deploy/compose.yaml as written (merge keys applied), and as Compose runs it with the example env. */
export function readCompose() {
  const raw = parse(readFileSync(composePath, 'utf8'), { merge: true }) as unknown;
  const example = readDotenv(envExamplePath);
  const { value, referenced } = interpolate(raw, example);
  return { raw, compose: value as ComposeFile, example, referenced };
}

/** A Compose duration (`40s`, `1m30s`, `500ms`) in milliseconds. */
export function durationMs(text: string | undefined) {
  const units: Record<string, number> = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000 };
  const parts = [...(text ?? '').matchAll(/(\d+(?:\.\d+)?)(ms|s|m|h)/g)];
  if (parts.length === 0) return Number.NaN;
  return parts.reduce((sum, [, n, unit]) => sum + Number(n) * (units[unit ?? ''] ?? 0), 0);
}
