import { defineConfig } from 'vitest/config';
import { maxWorkers } from './vitest.workers.ts';

export default defineConfig({
  test: {
    projects: [
      'packages/contract',
      'apps/api',
      'apps/api/vitest.isolated.config.ts',
      'apps/web',
      'scripts',
      'deploy',
    ],
    maxWorkers,
  },
});
