import { assertServable, ConfigError, envNames, loadConfig } from '../../../apps/api/src/config.ts';

/** The entry point of every TaskFlow process, relative to the image's working directory. */
export const cliEntry = 'apps/api/src/cli/main.ts';

const known = new Set<string>(envNames);

/** The names among these that TaskFlow does not read. */
export const unknownEnvNames = (names: Iterable<string>) => [...names].filter((n) => !known.has(n));

/** What `serve` or `worker` would say about this environment at startup: nothing when it starts. */
export function configProblems(env: Record<string, string>): string[] {
  try {
    assertServable(loadConfig(env));
    return [];
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
}

/** A millisecond setting of an environment, as a number (NaN when it is missing). */
export const msOf = (env: Record<string, string | undefined>, name: string) => Number(env[name]);
