import { defineProject } from 'vitest/config';
import { maxWorkers } from '../vitest.workers.ts';

export default defineProject({
  test: {
    name: 'scripts',
    maxWorkers,
    include: ['*.test.ts', 'bench/**/*.test.ts', 'cluster/*.test.ts'],
    testTimeout: 60_000,
  },
});
