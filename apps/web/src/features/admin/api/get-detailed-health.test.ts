import { afterEach, describe, expect, it, vi } from 'vitest';
import { HEALTH_POLLING, healthQueryOptions } from './get-detailed-health.ts';

afterEach(() => vi.restoreAllMocks());

function intervalWhen(visibility: DocumentVisibilityState) {
  vi.spyOn(document, 'visibilityState', 'get').mockReturnValue(visibility);
  const { refetchInterval } = healthQueryOptions;
  if (typeof refetchInterval !== 'function') throw new Error('the interval depends on the tab');
  // The interval reads the tab, not the query.
  return refetchInterval({} as Parameters<typeof refetchInterval>[0]);
}

describe('the health panel’s polling', () => {
  it('polls every 10 s while the tab is visible and every 60 s while it is hidden', () => {
    expect(HEALTH_POLLING).toEqual({ visible: 10_000, hidden: 60_000 });
    expect(intervalWhen('visible')).toBe(10_000);
    expect(intervalWhen('hidden')).toBe(60_000);
  });

  it('keeps polling in a hidden tab, and refetches on return before the next poll is due', () => {
    expect(healthQueryOptions.refetchIntervalInBackground).toBe(true);
    expect(healthQueryOptions.staleTime).toBeLessThan(HEALTH_POLLING.visible);
  });
});
