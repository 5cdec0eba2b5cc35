import { defineProject } from 'vitest/config';
import { maxWorkers } from '../vitest.workers.ts';

export default defineProject({
  test: { name: 'deploy', maxWorkers, include: ['tests/**/*.test.ts'], testTimeout: 30_000 },
});
