import { defineProject } from 'vitest/config';
import { maxWorkers } from '../../vitest.workers.ts';

export default defineProject({
  test: {
    name: 'api',
    maxWorkers,
    include: ['src/**/*.test.ts'],
    environment: 'node',
    globalSetup: ['src/test/global-setup.ts'],
    setupFiles: ['src/test/listener-leaks.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
