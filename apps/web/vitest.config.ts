import react from '@vitejs/plugin-react';
import { defineProject } from 'vitest/config';

export default defineProject({
  plugins: [react()],
  test: {
    name: 'web',
    environment: 'jsdom',
    include: ['src/**/*.test.{ts,tsx}'],
    setupFiles: ['src/test/setup.ts'],
    // Node's Request (used under jsdom) cannot resolve relative URLs, so tests use an absolute base.
    env: { VITE_API_BASE_URL: 'http://localhost:3000' },
  },
});
