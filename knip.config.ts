import type { KnipConfig } from 'knip';

/**
 * `npm run lint` runs knip after Biome: no unused files, exports, types or dependencies
 * (decision 0017). Entries are what Node, Vite, Vitest or Playwright start; everything else must
 * be reached by an import from one of them. Test files are entries (through the Vitest and
 * Playwright settings), so an export only a test uses still counts as used.
 */
const config: KnipConfig = {
  // Written by generators (TanStack Router, openapi-typescript,
  // scripts/bench/http/reference-sql.ts): what they export is theirs to decide.
  ignoreIssues: { '**/*.gen.ts': ['exports', 'types'] },
  workspaces: {
    // The root package also holds scripts/ and deploy/ (no package.json of their own). The
    // `node scripts/<x>.ts` of its package.json scripts (which .ci/run calls) are entries already.
    '.': {
      entry: [
        // Regenerates reference-sql.gen.ts: `node scripts/bench/http/reference-sql.ts`.
        'scripts/bench/http/reference-sql.ts',
        // Child processes the benchmarks start by path (`path.join(import.meta.dirname, …)`).
        'scripts/bench/http/{micro-server,reference}.ts',
        'scripts/bench/fanout/{client,reference}.ts',
        // Built by Vite from its index.html in `npm run lighthouse` (the reference page).
        'scripts/lighthouse-reference/main.js',
      ],
      // The root config only lists the projects; those of scripts/ and deploy/ belong here.
      vitest: {
        config: ['vitest.config.ts', 'scripts/vitest.config.ts', 'deploy/vitest.config.ts'],
      },
      ignoreDependencies: [
        // Not imported: `npm ci` puts Node 24 in node_modules/.bin, ahead of the system's node.
        'node',
        // A ruleset .spectral.yaml extends (`npm run lint:openapi`).
        '@stoplight/spectral-owasp-ruleset',
        // Read for its Compose Specification schema (deploy/tests/compose.test.ts), not imported.
        'dclint',
        // Loaded with createRequire(…)('autocannon') in scripts/bench/lib/load.ts: not an import.
        'autocannon',
        // The benchmarks, the cluster harness and the deployment tests drive apps/api with its
        // own dependencies (one copy each, hoisted by the workspaces) instead of pinning second
        // copies here.
        '@taskflow/contract',
        '@electric-sql/pglite',
        'ajv',
        'eventsource-parser',
        'fast-json-stringify',
        'fastify',
        'fastify-type-provider-zod',
        'ioredis',
        'pg',
        'pg-boss',
        'zod',
        // `npm run lighthouse` builds its reference page with the web app's Vite and React.
        'react',
        'react-dom',
        'vite',
      ],
    },
    'apps/api': {
      // The CLI, src/cli/main.ts (serve, worker, migrate, the operator commands), is the package's
      // bin. Besides it: the servers server.embedded.test.ts starts by path in a child process.
      entry: ['src/test/fixtures/*.ts'],
      // Loaded with createRequire(…)(…) in platform/metrics/metrics.test.ts: not an import.
      ignoreDependencies: ['parse-prometheus-text-format'],
    },
    'apps/web': {
      // src/main.tsx comes from index.html (Vite). File-based routes: the router plugin finds them
      // by path and writes routeTree.gen.ts from them.
      entry: ['src/routes/**/*.tsx'],
    },
    e2e: {
      // Listed rather than read from the config: loading playwright.config.ts makes a data
      // directory for the app under test.
      playwright: { config: [], entry: ['playwright.config.ts', 'tests/**/*.spec.ts'] },
    },
  },
};

export default config;
