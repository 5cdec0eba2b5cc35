import { defineProject } from 'vitest/config';
import { apiTest, isolatedFiles } from './vitest.config.ts';

/** The API's test files that need a process of their own (see vitest.config.ts). */
export default defineProject({
  test: {
    ...apiTest,
    name: 'api-isolated',
    include: isolatedFiles,
  },
});
