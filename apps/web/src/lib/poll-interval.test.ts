import { afterEach, describe, expect, it, vi } from 'vitest';
import { pollInterval, visibilityPolling } from './poll-interval.ts';

const rates = { visible: 10_000, hidden: 60_000 };

function setVisibility(state: DocumentVisibilityState) {
  vi.spyOn(document, 'visibilityState', 'get').mockReturnValue(state);
}

afterEach(() => vi.restoreAllMocks());

describe('pollInterval', () => {
  it('polls at the visible rate while the tab is visible', () => {
    expect(pollInterval('visible', rates)).toBe(10_000);
  });

  it('polls at the hidden rate, or not at all, while the tab is hidden', () => {
    expect(pollInterval('hidden', rates)).toBe(60_000);
    expect(pollInterval('hidden', { visible: 15_000, hidden: false })).toBe(false);
  });
});

describe('visibilityPolling', () => {
  it('reads the visibility each time it is asked', () => {
    const interval = visibilityPolling(rates);
    setVisibility('visible');
    expect(interval()).toBe(10_000);
    setVisibility('hidden');
    expect(interval()).toBe(60_000);
    setVisibility('visible');
    expect(interval()).toBe(10_000);
  });
});
