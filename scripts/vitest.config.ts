import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'scripts',
    include: ['*.test.ts', 'bench/**/*.test.ts', 'cluster/*.test.ts'],
    testTimeout: 60_000,
  },
});
