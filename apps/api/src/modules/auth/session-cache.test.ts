import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createSessionCache } from './session-cache.ts';

const T0 = Date.UTC(2030, 0, 1, 12, 0, 0);

/** A stand-in for the database lookup: answers from `live` and records every call. */
function fakeLookup(liveIds: string[] = []) {
  const live = new Set(liveIds);
  const calls: string[] = [];
  const isLive = async (sessionId: string) => {
    calls.push(sessionId);
    return live.has(sessionId);
  };
  return { isLive, calls, live };
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'], now: T0 });
});
afterEach(() => {
  vi.useRealTimers();
});

/** Moves the (frozen) clock to T0 + ms. */
const at = (ms: number) => vi.setSystemTime(T0 + ms);

describe('time to live', () => {
  it('answers from the cache within the TTL, and asks again once it has passed', async () => {
    const lookup = fakeLookup(['s1']);
    const cache = createSessionCache(lookup.isLive, { ttlMs: 1000 });
    expect(await cache.isLive('s1')).toBe(true);
    expect(lookup.calls).toStrictEqual(['s1']);

    at(999);
    expect(await cache.isLive('s1')).toBe(true);
    expect(lookup.calls).toStrictEqual(['s1']);

    // Revoked elsewhere (another instance): seen when the entry expires.
    lookup.live.delete('s1');
    at(1000);
    expect(await cache.isLive('s1')).toBe(false);
    expect(lookup.calls).toStrictEqual(['s1', 's1']);
  });

  it('caches a dead session too, and each session on its own', async () => {
    const lookup = fakeLookup(['s1']);
    const cache = createSessionCache(lookup.isLive, { ttlMs: 1000 });
    expect(await cache.isLive('s1')).toBe(true);
    expect(await cache.isLive('s2')).toBe(false);
    at(500);
    expect(await cache.isLive('s2')).toBe(false);
    expect(await cache.isLive('s1')).toBe(true);
    expect(lookup.calls).toStrictEqual(['s1', 's2']);
  });

  it('the entry lives from the lookup that filled it, not from the last hit', async () => {
    const lookup = fakeLookup(['s1']);
    const cache = createSessionCache(lookup.isLive, { ttlMs: 1000 });
    await cache.isLive('s1');
    at(600);
    await cache.isLive('s1');
    at(1000);
    await cache.isLive('s1');
    expect(lookup.calls).toStrictEqual(['s1', 's1']);
  });

  it('defaults to 30 s', async () => {
    const lookup = fakeLookup(['s1']);
    const cache = createSessionCache(lookup.isLive);
    await cache.isLive('s1');
    at(29_999);
    await cache.isLive('s1');
    expect(lookup.calls).toHaveLength(1);
    at(30_000);
    await cache.isLive('s1');
    expect(lookup.calls).toHaveLength(2);
  });

  it('does not cache a failed lookup', async () => {
    let fail = true;
    const calls: string[] = [];
    const cache = createSessionCache(async (id) => {
      calls.push(id);
      if (fail) throw new Error('database unavailable');
      return true;
    });
    await expect(cache.isLive('s1')).rejects.toThrow('database unavailable');
    fail = false;
    expect(await cache.isLive('s1')).toBe(true);
    expect(await cache.isLive('s1')).toBe(true);
    expect(calls).toStrictEqual(['s1', 's1']);
  });
});

describe('revoke', () => {
  it('makes a cached live session dead at once, without a lookup', async () => {
    const lookup = fakeLookup(['s1', 's2']);
    const cache = createSessionCache(lookup.isLive, { ttlMs: 1000 });
    expect(await cache.isLive('s1')).toBe(true);
    cache.revoke('s1');
    // The lookup would still say live: the answer must come from the revocation.
    expect(await cache.isLive('s1')).toBe(false);
    expect(lookup.calls).toStrictEqual(['s1']);
    // Other sessions are unaffected.
    expect(await cache.isLive('s2')).toBe(true);
  });

  it('applies to a session not yet cached, and does not expire with the TTL', async () => {
    const lookup = fakeLookup(['s1']);
    const cache = createSessionCache(lookup.isLive, { ttlMs: 1000 });
    cache.revoke('s1');
    expect(await cache.isLive('s1')).toBe(false);
    at(24 * 3600 * 1000);
    expect(await cache.isLive('s1')).toBe(false);
    expect(lookup.calls).toStrictEqual([]);
  });

  // KNOWN BUG (see report): a lookup that started before the revocation and ends after it
  // overwrites the revocation with its stale "live", for a whole TTL. Drop `.fails` once
  // `isLive` no longer overwrites a revoked entry.
  it('wins over a lookup that was already in flight', async () => {
    let answer: (live: boolean) => void = () => undefined;
    const cache = createSessionCache(
      () =>
        new Promise<boolean>((resolve) => {
          answer = resolve;
        }),
      { ttlMs: 1000 },
    );
    const inFlight = cache.isLive('s1');
    cache.revoke('s1');
    answer(true); // read from the database before the revocation was committed
    await inFlight;
    expect(await cache.isLive('s1')).toBe(false);
  });
});

describe('maxEntries', () => {
  it('evicts the oldest entry, which is then looked up again', async () => {
    const lookup = fakeLookup(['a', 'b', 'c']);
    const cache = createSessionCache(lookup.isLive, { ttlMs: 1000, maxEntries: 2 });
    await cache.isLive('a');
    await cache.isLive('b');
    await cache.isLive('c'); // evicts a
    expect(lookup.calls).toStrictEqual(['a', 'b', 'c']);

    await cache.isLive('b');
    await cache.isLive('c');
    expect(lookup.calls).toStrictEqual(['a', 'b', 'c']);

    await cache.isLive('a'); // evicted: looked up again (and evicts b)
    expect(lookup.calls).toStrictEqual(['a', 'b', 'c', 'a']);
    await cache.isLive('c');
    await cache.isLive('a');
    expect(lookup.calls).toStrictEqual(['a', 'b', 'c', 'a']);
    await cache.isLive('b');
    expect(lookup.calls).toStrictEqual(['a', 'b', 'c', 'a', 'b']);
  });

  it('holds at most maxEntries sessions', async () => {
    const lookup = fakeLookup();
    const cache = createSessionCache(lookup.isLive, { ttlMs: 1000, maxEntries: 3 });
    const ids = Array.from({ length: 10 }, (_, i) => `s${i}`);
    for (const id of ids) await cache.isLive(id);
    lookup.calls.length = 0;
    // Newest first, so that the lookups below do not evict what is still to be checked.
    for (const id of [...ids].reverse()) await cache.isLive(id);
    expect(lookup.calls).toStrictEqual(ids.slice(0, 7).reverse());
  });

  it('replacing an entry does not evict another one', async () => {
    const lookup = fakeLookup(['a', 'b']);
    const cache = createSessionCache(lookup.isLive, { ttlMs: 1000, maxEntries: 2 });
    await cache.isLive('a');
    await cache.isLive('b');
    cache.revoke('b'); // replaces b's entry: a stays
    await cache.isLive('a');
    expect(lookup.calls).toStrictEqual(['a', 'b']);
  });

  it('refreshing an expired entry does not evict another one', async () => {
    const lookup = fakeLookup(['b', 'x']);
    const cache = createSessionCache(lookup.isLive, { ttlMs: 1000, maxEntries: 2 });
    cache.revoke('x'); // the oldest entry, and one that never expires
    await cache.isLive('b');
    at(1000);
    await cache.isLive('b'); // expired: looked up again, replacing its own entry
    expect(await cache.isLive('x')).toBe(false); // still cached
    expect(lookup.calls).toStrictEqual(['b', 'b']);
  });

  it('a revocation counts as an entry', async () => {
    const lookup = fakeLookup(['a', 'b']);
    const cache = createSessionCache(lookup.isLive, { ttlMs: 1000, maxEntries: 2 });
    await cache.isLive('a');
    await cache.isLive('b');
    cache.revoke('x'); // evicts a
    await cache.isLive('b');
    expect(await cache.isLive('x')).toBe(false);
    await cache.isLive('a');
    expect(lookup.calls).toStrictEqual(['a', 'b', 'a']);
  });
});
