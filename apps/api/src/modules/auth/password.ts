import { createRequire } from 'node:module';
import { type Algorithm, hash as argon2Hash, verify as argon2Verify } from '@node-rs/argon2';
import { InvalidInputError } from '../../platform/errors.ts';

// Algorithm is an ambient const enum, which verbatimModuleSyntax forbids reading; 2 is its Argon2id.
const ARGON2ID: Algorithm = 2;

// OWASP Password Storage Cheat Sheet, argon2id option 1: 19 MiB, 2 passes, 1 lane.
const argon2Params = {
  algorithm: ARGON2ID,
  memoryCost: 19_456,
  timeCost: 2,
  parallelism: 1,
} as const;

const phcPattern = /^\$argon2id\$v=19\$m=(\d+),t=(\d+),p=(\d+)\$/;

// Verified when the user does not exist, so that answer costs as much as a wrong password.
const dummyPassword = 'taskflow-unknown-user';

/** ASVS 6.2.1 / 6.2.9, counted in Unicode code points. */
export const passwordPolicy = { minLength: 8, maxLength: 128 } as const;

/** Runs at most `limit` tasks at once; the rest wait their turn in arrival order. */
export function createSemaphore(limit: number, onActiveChange?: (active: number) => void) {
  if (!Number.isInteger(limit) || limit < 1) {
    throw new RangeError(`Concurrency limit must be a positive integer, got ${limit}`);
  }
  let active = 0;
  const waiting: (() => void)[] = [];

  async function acquire(): Promise<void> {
    if (active < limit) {
      active += 1;
      onActiveChange?.(active);
      return;
    }
    await new Promise<void>((resolve) => waiting.push(resolve));
  }

  function release(): void {
    // Hand the slot straight to the oldest waiter, so a newcomer cannot jump the queue.
    const next = waiting.shift();
    if (next) {
      next();
    } else {
      active -= 1;
      onActiveChange?.(active);
    }
  }

  return {
    async run<T>(task: () => Promise<T>): Promise<T> {
      await acquire();
      try {
        return await task();
      } finally {
        release();
      }
    },
  };
}

type PasswordServiceOptions = {
  /** Hashes in flight at once; each holds ~19 MiB, so a burst of sign-ins queues instead. */
  maxConcurrent?: number;
  /** Told the number of hashes in flight whenever it changes (metrics, tests). */
  onActiveChange?: (active: number) => void;
};

export function createPasswordService(options: PasswordServiceOptions = {}) {
  const semaphore = createSemaphore(options.maxConcurrent ?? 4, options.onActiveChange);
  let dummyHash: Promise<string> | undefined;

  function hash(password: string): Promise<string> {
    return semaphore.run(() => argon2Hash(password, argon2Params));
  }

  function getDummyHash(): Promise<string> {
    dummyHash ??= hash(dummyPassword).catch((error: unknown) => {
      // Forget a failed attempt, or every later unknown-user sign-in would fail with it.
      dummyHash = undefined;
      throw error;
    });
    return dummyHash;
  }

  async function verify(storedHash: string | null, password: string): Promise<boolean> {
    // The dummy hash is awaited outside the semaphore: taking a slot first could deadlock.
    const target = storedHash ?? (await getDummyHash());
    // A malformed or foreign stored hash is a failed sign-in, not a server error.
    const matches = await semaphore.run(() => argon2Verify(target, password)).catch(() => false);
    return storedHash !== null && matches;
  }

  function needsRehash(storedHash: string): boolean {
    const match = phcPattern.exec(storedHash);
    if (!match) return true;
    // Attack cost grows with memory and passes; lanes only split the same memory.
    return Number(match[1]) < argon2Params.memoryCost || Number(match[2]) < argon2Params.timeCost;
  }

  return { hash, verify, needsRehash };
}

export type PasswordService = ReturnType<typeof createPasswordService>;

const require = createRequire(import.meta.url);
let commonPasswords: ReadonlySet<string> | undefined;

function normalize(password: string): string {
  return password.trim().toLowerCase();
}

// ~49,000 entries: read on first use, not at startup of every process that imports this file.
function loadCommonPasswords(): ReadonlySet<string> {
  commonPasswords ??= new Set(
    (require('@zxcvbn-ts/language-common/src/passwords.json') as string[]).map(normalize),
  );
  return commonPasswords;
}

export function isCommonPassword(password: string): boolean {
  return loadCommonPasswords().has(normalize(password));
}

export function commonPasswordCount(): number {
  return loadCommonPasswords().size;
}

/** Why a candidate new password is refused; empty when it is acceptable. No composition rules. */
export function passwordProblems(password: string): string[] {
  const length = [...password].length;
  const problems: string[] = [];
  if (length < passwordPolicy.minLength) {
    problems.push(`Use at least ${passwordPolicy.minLength} characters`);
  }
  if (length > passwordPolicy.maxLength) {
    problems.push(`Use at most ${passwordPolicy.maxLength} characters`);
  }
  if (isCommonPassword(password)) {
    problems.push('This password is too common; choose another');
  }
  return problems;
}

/** Refuses a candidate new password that has problems, each one named on the input `field`. */
export function requireAcceptablePassword(password: string, field: string): void {
  const problems = passwordProblems(password);
  if (problems.length > 0) {
    throw new InvalidInputError(problems.map((message) => ({ field, message })));
  }
}
