import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: ['packages/contract', 'apps/api', 'apps/web', 'scripts', 'deploy'],
    // Most integration tests wait (on jobs, streams, shutdowns) more than they compute: two
    // workers overlap that waiting even on a 2-core machine, where vitest would start one.
    maxWorkers: Math.max(2, availableParallelism() - 1),
  },
});
