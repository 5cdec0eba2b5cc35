import { act, renderHook } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { useProgressiveList } from './use-progressive-list.ts';

const numbers = (n: number) => Array.from({ length: n }, (_, i) => i);

describe('useProgressiveList', () => {
  it('gives a short list whole at once', () => {
    const items = numbers(5);
    const { result } = renderHook(() => useProgressiveList(items, 10));
    expect(result.current).toBe(items);
  });

  it('gives the first items of a long list, then all of them', async () => {
    const items = numbers(50);
    const seen: number[] = [];
    const { result } = renderHook(() => {
      const shown = useProgressiveList(items, 20);
      seen.push(shown.length);
      return shown;
    });
    await act(async () => {});
    expect(seen[0]).toBe(20);
    expect(result.current).toBe(items);
  });

  it('shows a list that grows long later in full once it has', async () => {
    const { result, rerender } = renderHook(({ items }) => useProgressiveList(items, 20), {
      initialProps: { items: [] as number[] },
    });
    expect(result.current).toEqual([]);
    const items = numbers(30);
    rerender({ items });
    await act(async () => {});
    expect(result.current).toBe(items);
    const more = numbers(80);
    rerender({ items: more });
    expect(result.current).toBe(more);
  });
});
