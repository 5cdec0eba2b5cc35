import { defineConfig } from 'vitest/config';
import { maxWorkers } from './vitest.workers.ts';

export default defineConfig({
  test: {
    projects: ['packages/contract', 'apps/api', 'apps/web', 'scripts', 'deploy'],
    maxWorkers,
  },
});
