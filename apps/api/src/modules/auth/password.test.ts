import { hash as argon2Hash } from '@node-rs/argon2';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  commonPasswordCount,
  createPasswordService,
  createSemaphore,
  isCommonPassword,
  passwordPolicy,
  passwordProblems,
} from './password.ts';

const service = createPasswordService({ maxConcurrent: 2 });
const tooShort = 'Use at least 8 characters';
const tooLong = 'Use at most 128 characters';
const tooCommon = 'This password is too common; choose another';

// setImmediate runs after every pending promise callback has settled.
const flush = () => new Promise<void>((resolve) => setImmediate(resolve));
const indices = (n: number) => Array.from({ length: n }, (_, i) => i);
const slotsTaken = (events: number[]) => events.filter((active) => active === 1).length;

describe('hash and verify', () => {
  let stored: string;
  beforeAll(async () => {
    stored = await service.hash('correct horse battery staple');
  });

  it('produces an argon2id PHC string with the OWASP parameters', () => {
    expect(stored.startsWith('$argon2id$v=19$m=19456,t=2,p=1$')).toBe(true);
  });

  it('accepts the right password and refuses a wrong one', async () => {
    expect(await service.verify(stored, 'correct horse battery staple')).toBe(true);
    expect(await service.verify(stored, 'Correct horse battery staple')).toBe(false);
  });

  it('salts every hash', async () => {
    expect(await service.hash('correct horse battery staple')).not.toBe(stored);
  });

  it('refuses an unknown user after verifying a dummy hash computed only once', async () => {
    const events: number[] = [];
    const observed = createPasswordService({
      maxConcurrent: 1,
      onActiveChange: (n) => events.push(n),
    });
    expect(await observed.verify(null, 'anything')).toBe(false);
    expect(slotsTaken(events)).toBe(2);
    events.length = 0;
    expect(await observed.verify(null, 'anything')).toBe(false);
    expect(slotsTaken(events)).toBe(1);
  });

  it('refuses, without throwing, a malformed stored hash', async () => {
    expect(await service.verify('not-a-hash', 'anything')).toBe(false);
    expect(await service.verify('$argon2id$v=19$m=19456,t=2,p=1$abc$', 'anything')).toBe(false);
  });
});

describe('needsRehash', () => {
  it('is false for a fresh hash', async () => {
    expect(service.needsRehash(await service.hash('pw-fresh'))).toBe(false);
  });

  it('is true for a hash made with weaker parameters, which still verifies', async () => {
    const weak = await argon2Hash('pw-weak', { memoryCost: 4096, timeCost: 1, parallelism: 1 });
    expect(weak.startsWith('$argon2id$v=19$m=4096,t=1,p=1$')).toBe(true);
    expect(service.needsRehash(weak)).toBe(true);
    expect(await service.verify(weak, 'pw-weak')).toBe(true);
  });

  it('is false for stronger parameters and true for another algorithm', () => {
    expect(service.needsRehash('$argon2id$v=19$m=65536,t=3,p=1$c2FsdHNhbHQ$aGFzaA')).toBe(false);
    expect(service.needsRehash('$argon2i$v=19$m=19456,t=2,p=1$c2FsdHNhbHQ$aGFzaA')).toBe(true);
  });
});

describe('bounded concurrency', () => {
  it('runs at most `limit` tasks at once and starts waiting ones in arrival order', async () => {
    const semaphore = createSemaphore(2);
    const gates = indices(10).map(() => Promise.withResolvers<void>());
    const started: number[] = [];
    let running = 0;
    let maxRunning = 0;
    const results = gates.map((gate, i) =>
      semaphore.run(async () => {
        started.push(i);
        running += 1;
        maxRunning = Math.max(maxRunning, running);
        await gate.promise;
        running -= 1;
        return i;
      }),
    );

    await flush();
    expect(started).toEqual([0, 1]);
    for (const [i, gate] of gates.entries()) {
      gate.resolve();
      await flush();
      expect(started).toEqual(indices(Math.min(i + 3, 10)));
    }
    expect(await Promise.all(results)).toEqual(indices(10));
    expect(maxRunning).toBe(2);
    expect(running).toBe(0);
  });

  it('frees the slot of a task that fails', async () => {
    const semaphore = createSemaphore(1);
    await expect(semaphore.run(() => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await expect(semaphore.run(async () => 'next')).resolves.toBe('next');
  });

  it('refuses a limit that would block every task', () => {
    expect(() => createSemaphore(0)).toThrow(RangeError);
  });

  it('keeps at most maxConcurrent hashes in flight in the service', async () => {
    const events: number[] = [];
    const observed = createPasswordService({
      maxConcurrent: 2,
      onActiveChange: (n) => events.push(n),
    });
    const hashes = await Promise.all(indices(10).map((i) => observed.hash(`password-${i}`)));
    expect(new Set(hashes).size).toBe(10);
    expect(Math.max(...events)).toBe(2);
    expect(events.at(-1)).toBe(0);
  });
});

describe('common passwords', () => {
  it('recognises common passwords whatever their case or surrounding spaces', () => {
    for (const password of ['password', 'Password', '12345678', 'qwertyuiop', ' PASSWORD ']) {
      expect(isCommonPassword(password), password).toBe(true);
    }
  });

  it('does not flag a random string', () => {
    expect(isCommonPassword('vR7#qLw2!mZp9@tXe4$k')).toBe(false);
  });

  it('keeps the whole list', () => {
    expect(commonPasswordCount()).toBeGreaterThanOrEqual(10_000);
  });
});

describe('passwordProblems', () => {
  it('enforces the length bounds', () => {
    expect(passwordPolicy).toEqual({ minLength: 8, maxLength: 128 });
    expect(passwordProblems('x7#Kp2q')).toEqual([tooShort]);
    expect(passwordProblems('x7#Kp2qZ')).toEqual([]);
    expect(passwordProblems('Zq8!'.repeat(32))).toEqual([]);
    expect(passwordProblems(`${'Zq8!'.repeat(32)}Z`)).toEqual([tooLong]);
  });

  it('counts code points, not UTF-16 units', () => {
    expect(passwordProblems('😀'.repeat(8))).toEqual([]);
    expect(passwordProblems('😀'.repeat(7))).toEqual([tooShort]);
    expect(passwordProblems('😀'.repeat(128))).toEqual([]);
  });

  it('counts spaces and imposes no composition rules', () => {
    expect(passwordProblems('   ab   ')).toEqual([]);
    expect(passwordProblems('correct horse battery staple')).toEqual([]);
  });

  it('refuses common passwords', () => {
    expect(passwordProblems('password123')).toEqual([tooCommon]);
    expect(passwordProblems('1234567')).toEqual([tooShort, tooCommon]);
  });
});
