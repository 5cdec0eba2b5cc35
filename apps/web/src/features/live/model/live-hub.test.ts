import { describe, expect, it, vi } from 'vitest';
import { createLiveHub, whenLive } from './live-hub.ts';

const resync = { type: 'resync' } as const;

describe('createLiveHub', () => {
  it('gives every message to every subscriber until it unsubscribes', () => {
    const hub = createLiveHub();
    const first = vi.fn();
    const second = vi.fn();
    const unsubscribe = hub.subscribe(first);
    hub.subscribe(second);
    hub.dispatch(resync);
    unsubscribe();
    hub.dispatch(resync);
    expect(first).toHaveBeenCalledTimes(1);
    expect(second).toHaveBeenCalledTimes(2);
  });

  it('still reaches the other subscribers when one throws', () => {
    const hub = createLiveHub();
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const after = vi.fn();
    hub.subscribe(() => {
      throw new Error('broken handler');
    });
    hub.subscribe(after);
    hub.dispatch(resync);
    expect(after).toHaveBeenCalledWith(resync);
    expect(error).toHaveBeenCalledTimes(1);
  });

  it('tells status listeners about changes only', () => {
    const hub = createLiveHub();
    const listener = vi.fn();
    hub.subscribeStatus(listener);
    expect(hub.getStatus()).toBe('disconnected');
    hub.setStatus('connecting');
    hub.setStatus('connecting');
    hub.setStatus('live');
    expect(listener).toHaveBeenCalledTimes(2);
    expect(hub.getStatus()).toBe('live');
  });
});

describe('whenLive', () => {
  it('calls back each time the stream becomes live, not while it stays live', () => {
    const hub = createLiveHub();
    const onLive = vi.fn();
    const stop = whenLive(hub, onLive);
    hub.setStatus('connecting');
    expect(onLive).not.toHaveBeenCalled();
    hub.setStatus('live');
    expect(onLive).toHaveBeenCalledTimes(1);
    hub.setStatus('disconnected');
    hub.setStatus('connecting');
    hub.setStatus('disconnected');
    expect(onLive).toHaveBeenCalledTimes(1);
    hub.setStatus('live');
    expect(onLive).toHaveBeenCalledTimes(2);
    stop();
    hub.setStatus('connecting');
    hub.setStatus('live');
    expect(onLive).toHaveBeenCalledTimes(2);
  });
});
