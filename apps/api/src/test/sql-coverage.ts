import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Kysely, PostgresDialect } from 'kysely';
import type { DB } from '../db/schema.ts';

/** A Kysely instance that builds queries but never connects: a factory only closes over it. */
const offline = new Kysely<DB>({
  dialect: new PostgresDialect({
    pool: async () => {
      throw new Error('the SQL snapshot coverage check never connects');
    },
  }),
});

/** Every `*.repository.ts` below `dir`, relative to it. */
export function repositoryFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.repository.ts'))
    .sort();
}

type Factory = { factory: string; methods: string[] };

/**
 * The repository factories a module exports (`create…(db)` returning an object of methods), each
 * called with a database that never connects, with the names of its methods.
 */
export function repositoryFactories(module: Record<string, unknown>): Factory[] {
  return Object.entries(module).flatMap(([name, value]) => {
    if (!/^create[A-Z]/.test(name) || typeof value !== 'function') return [];
    const made: unknown = value(offline);
    if (typeof made !== 'object' || made === null) return [];
    const methods = Object.entries(made)
      .filter(([, member]) => typeof member === 'function')
      .map(([method]) => method);
    return [{ factory: name, methods }];
  });
}

/**
 * The method names a snapshot's sections are headed with: `-- <method>`, optionally followed by
 * `, <variant>` or ` (<variant>)`. Only lines starting with `-- ` head a section.
 */
export function sectionNames(snapshot: string): Set<string> {
  return new Set(
    [...snapshot.matchAll(/^-- ([A-Za-z_$][\w$]*)(?:,| \(|$)/gm)].flatMap((m) =>
      m[1] ? [m[1]] : [],
    ),
  );
}

/** The section names of every SQL snapshot in `dir/__snapshots__`. */
export function sectionsBeside(dir: string): Set<string> {
  const snapshots = path.join(dir, '__snapshots__');
  let files: string[] = [];
  try {
    files = readdirSync(snapshots).filter((file) => file.endsWith('.sql'));
  } catch {
    return new Set();
  }
  return new Set(
    files.flatMap((file) => [...sectionNames(readFileSync(path.join(snapshots, file), 'utf8'))]),
  );
}

/**
 * `factory.method` for each method without a section of its name (or of the name `recordedAs`
 * gives it, for a method that only hands on a statement recorded under another name).
 */
export function unrecorded(
  factories: Factory[],
  sections: Set<string>,
  recordedAs: Record<string, string> = {},
): string[] {
  return factories.flatMap(({ factory, methods }) =>
    methods
      .filter((method) => !sections.has(recordedAs[`${factory}.${method}`] ?? method))
      .map((method) => `${factory}.${method}`),
  );
}
