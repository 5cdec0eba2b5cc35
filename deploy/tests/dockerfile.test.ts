import { existsSync } from 'node:fs';
import { validate } from 'dockerfile-utils';
import { describe, expect, it } from 'vitest';
import { cliEntry } from './support/app-env.ts';
import {
  byKeyword,
  copyPaths,
  execForm,
  flagOf,
  healthcheckCommand,
  readDockerfile,
  runCommands,
  stageEnv,
} from './support/dockerfile.ts';
import { readDockerignore } from './support/dockerignore.ts';
import { fromRoot } from './support/paths.ts';

const { text, stages, final } = readDockerfile();
const finalEnv = stageEnv(final);

describe('deploy/Dockerfile', () => {
  it('passes the Dockerfile linter without a single problem', () => {
    expect(validate(text).map((d) => `line ${d.range.start.line + 1}: ${d.message}`)).toEqual([]);
  });

  it('builds every stage on node:24-slim, with unique stage names', () => {
    expect(stages.map((s) => s.image)).toEqual(stages.map(() => 'node:24-slim'));
    const names = stages.map((s) => s.name);
    expect(names.every(Boolean)).toBe(true);
    expect(new Set(names).size).toBe(names.length);
  });

  it('copies --from earlier stages only', () => {
    stages.forEach((stage, index) => {
      const earlier = stages.slice(0, index).map((s) => s.name);
      for (const copy of byKeyword(stage, 'COPY')) {
        const from = flagOf(copy, 'from');
        if (from !== undefined) expect(earlier, copy.toString()).toContain(from);
      }
    });
  });

  it('runs as a user other than root in the final stage', () => {
    const user = byKeyword(final, 'USER').at(-1)?.getArgumentsContent()?.trim();
    expect(user).toBeDefined();
    expect(user?.split(':')[0]).not.toMatch(/^(root|0)$/);
  });

  it('sets the production environment, listening on every interface', () => {
    expect(finalEnv).toMatchObject({ NODE_ENV: 'production', HOST: '0.0.0.0', PORT: '3000' });
  });

  it('exposes the port the server listens on', () => {
    const exposed = byKeyword(final, 'EXPOSE').flatMap((e) =>
      e.getArguments().map((a) => a.getValue().replace(/\/tcp$/, '')),
    );
    expect(exposed).toEqual([finalEnv.PORT]);
  });

  it('checks its health on /health with node, in exec form (the image has no curl)', () => {
    const checks = byKeyword(final, 'HEALTHCHECK');
    expect(checks).toHaveLength(1);
    const command = checks[0] && healthcheckCommand(checks[0]);
    expect(command?.slice(0, 2)).toEqual(['node', '-e']);
    expect(command?.[2]).toMatch(/fetch\(.*\/health/);
  });

  it('starts the server with node itself, so that SIGTERM reaches it', () => {
    expect(byKeyword(final, 'ENTRYPOINT')).toEqual([]);
    const cmds = byKeyword(final, 'CMD');
    expect(cmds).toHaveLength(1);
    const argv = cmds[0] && execForm(cmds[0]);
    expect(argv).toEqual(['node', cliEntry, 'serve']);
    expect(existsSync(fromRoot(cliEntry))).toBe(true);
  });

  it('installs only the production dependencies of the API and the contract at run time', () => {
    const installs = byKeyword(final, 'RUN')
      .flatMap(runCommands)
      .filter((c) => c.startsWith('npm ci'));
    expect(installs).toHaveLength(1);
    expect(installs[0]).toContain('--omit=dev');
    const workspaces = [...(installs[0] ?? '').matchAll(/--workspace[= ](\S+)/g)].map((m) => m[1]);
    expect(workspaces.sort()).toEqual(['@taskflow/api', '@taskflow/contract']);
  });

  it('takes nothing but the built web app from the build stage', () => {
    const fromBuild = byKeyword(final, 'COPY').filter((c) => flagOf(c, 'from') !== undefined);
    expect(fromBuild.map((c) => copyPaths(c).sources)).toEqual([['/app/apps/web/dist']]);
  });
});

describe('.dockerignore', () => {
  const { ignored } = readDockerignore();
  /** Installed and built files, local data, secrets, history and tests: none may go in. */
  const keptOut = [
    'node_modules/fastify/package.json',
    'apps/web/node_modules/.vite/x',
    'apps/web/dist/index.html',
    'coverage/index.html',
    'data/pgdata/PG_VERSION',
    '.git/HEAD',
    '.env',
    'deploy/.env',
    'apps/api/src/config.test.ts',
    'apps/api/src/test/app.ts',
    'packages/contract/src/tasks.test.ts',
    'deploy/tests/dockerfile.test.ts',
    'e2e/tests/tasks.spec.ts',
  ];
  /** Sources the image runs and builds. */
  const letIn = [
    'apps/api/src/config.ts',
    'apps/api/src/cli/main.ts',
    'packages/contract/src/index.ts',
    'apps/web/src/main.tsx',
    'apps/web/index.html',
    'package-lock.json',
  ];

  it('lets in every file a plain COPY names', () => {
    for (const stage of stages) {
      for (const copy of byKeyword(stage, 'COPY')) {
        if (flagOf(copy, 'from') !== undefined) continue;
        for (const source of copyPaths(copy).sources.filter((s) => s !== '.')) {
          expect(existsSync(fromRoot(source)), source).toBe(true);
          expect(ignored(source), source).toBe(false);
        }
      }
    }
  });

  it('keeps out installed and built files, local data, secrets, history and tests', () => {
    expect(keptOut.filter((path) => !ignored(path))).toEqual([]);
  });

  it('keeps the sources the image runs and builds', () => {
    expect(letIn.filter((path) => ignored(path))).toEqual([]);
  });
});
