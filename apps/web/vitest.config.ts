import react from '@vitejs/plugin-react';
import { defineProject } from 'vitest/config';
import { maxWorkers } from '../../vitest.workers.ts';

export default defineProject({
  plugins: [react()],
  test: {
    name: 'web',
    maxWorkers,
    environment: 'jsdom',
    // Each test file in a VM context of a shared worker: jsdom and the module graph are set up
    // about four times faster than in a process of its own, still isolated per file.
    pool: 'vmThreads',
    include: ['src/**/*.test.{ts,tsx}'],
    setupFiles: ['src/test/setup.ts'],
    // A bound for a test that hangs, not a speed check: the property tests render hundreds of
    // inputs, which on a busy 2-core machine takes several times vitest's default 5 s.
    testTimeout: 30_000,
    // Node's Request (used under jsdom) cannot resolve relative URLs, so tests use an absolute base.
    env: { VITE_API_BASE_URL: 'http://localhost:3000' },
  },
});
