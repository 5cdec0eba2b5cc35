/**
 * Argon2 at its lowest cost, for fuzz files, which sign in and register hundreds of times: at the
 * OWASP cost (19 MiB, 2 passes) each hash takes 20–40 ms, most of an auth fuzz run. A hash is
 * labelled with the cost it was asked for, so the service reads it as current and takes the same
 * paths (no rehash on sign-in) as with real hashes. A fuzz file takes it with
 *   vi.mock('@node-rs/argon2', async (actual) => (await import('…/passwords.ts')).cheapArgon2(actual));
 * (imported inside the factory: `vi.mock` runs before the file's imports).
 */
import type * as Argon2 from '@node-rs/argon2';

const LOWEST = 'm=8,t=1';
const COST = /m=\d+,t=\d+/;

export async function cheapArgon2(
  importActual: () => Promise<typeof Argon2>,
): Promise<typeof Argon2> {
  const actual = await importActual();
  return {
    ...actual,
    hash: async (password, options, signal) => {
      const hashed = await actual.hash(
        password,
        { ...options, memoryCost: 8, timeCost: 1 },
        signal,
      );
      const asked = `m=${options?.memoryCost ?? 19_456},t=${options?.timeCost ?? 2}`;
      return hashed.replace(LOWEST, asked);
    },
    verify: (hashed, password, options, signal) => {
      const stored = typeof hashed === 'string' ? hashed.replace(COST, LOWEST) : hashed;
      return actual.verify(stored, password, options, signal);
    },
  };
}
