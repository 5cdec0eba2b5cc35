import { describe, expect, it } from 'vitest';
import { createMemoryCache, createVersionedCache } from './shared-cache.ts';

describe('versioned cache', () => {
  it('serves a computed value until its scope is invalidated', async () => {
    const cache = createVersionedCache(createMemoryCache(), 'test', 60_000);
    let computed = 0;
    const compute = async () => ++computed;
    expect(await cache.getOrCompute('ws1', 'v', compute)).toBe(1);
    expect(await cache.getOrCompute('ws1', 'v', compute)).toBe(1);
    expect(await cache.getOrCompute('ws2', 'v', compute)).toBe(2);
    await cache.invalidate('ws1');
    expect(await cache.getOrCompute('ws1', 'v', compute)).toBe(3);
    expect(await cache.getOrCompute('ws2', 'v', compute)).toBe(2);
  });

  it('never serves a value computed before a write that landed while it was computing', async () => {
    const cache = createVersionedCache(createMemoryCache(), 'test', 60_000);
    let release: () => void = () => undefined;
    const slow = cache.getOrCompute('ws', 'v', async () => {
      await new Promise<void>((resolve) => {
        release = resolve;
      });
      return 'stale';
    });
    await new Promise((r) => setTimeout(r, 0));
    await cache.invalidate('ws');
    release();
    expect(await slow).toBe('stale');
    expect(await cache.getOrCompute('ws', 'v', async () => 'fresh')).toBe('fresh');
  });

  it('expires values after their time to live', async () => {
    const cache = createVersionedCache(createMemoryCache(), 'test', 1);
    expect(await cache.getOrCompute('ws', 'v', async () => 'a')).toBe('a');
    await new Promise((r) => setTimeout(r, 5));
    expect(await cache.getOrCompute('ws', 'v', async () => 'b')).toBe('b');
  });
});
