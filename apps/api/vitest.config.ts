import { configDefaults, defineProject } from 'vitest/config';
import { maxWorkers } from '../../vitest.workers.ts';

/** What the API's test projects share: node, the migrated template, generous bounds. */
export const apiTest = {
  maxWorkers,
  environment: 'node',
  globalSetup: ['src/test/global-setup.ts'],
  setupFiles: ['src/test/listener-leaks.ts'],
  testTimeout: 30_000,
  hookTimeout: 60_000,
};

/**
 * The files that run in a process each (`vitest.isolated.config.ts`): the fuzz files replace
 * argon2 with a cheap stand-in (`vi.mock`), which must not reach other files; the metrics files
 * read the process's one registry, which other files' apps would have counted into.
 */
export const isolatedFiles = ['src/**/*.fuzz.test.ts', 'src/platform/metrics/*.test.ts'];

/**
 * The API's other tests. Each file builds its own database and app, so files need no process of
 * their own: a worker runs one after another over the modules it has already loaded, which
 * halves the suite's CPU time (a fresh process per file spent it importing the app again).
 */
export default defineProject({
  test: {
    ...apiTest,
    name: 'api',
    include: ['src/**/*.test.ts'],
    exclude: [...configDefaults.exclude, ...isolatedFiles],
    isolate: false,
  },
});
