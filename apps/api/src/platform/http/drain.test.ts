import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { drainedOrClosed } from './drain.ts';

/** A stream that takes one byte at a time, when told to. */
function slowStream() {
  const pending: (() => void)[] = [];
  const stream = new Writable({
    highWaterMark: 1,
    write(_chunk, _encoding, done) {
      pending.push(done);
    },
  });
  const flush = () => {
    for (const done of pending.splice(0)) done();
  };
  return { stream, flush };
}

describe('drainedOrClosed', () => {
  it('answers true on drain, and leaves no listener behind however often it waits', async () => {
    const { stream, flush } = slowStream();
    const before = { close: stream.listenerCount('close'), error: stream.listenerCount('error') };
    for (let i = 0; i < 20; i++) {
      expect(stream.write('xx')).toBe(false);
      const wait = drainedOrClosed(stream);
      setImmediate(flush);
      expect(await wait).toBe(true);
    }
    expect(stream.listenerCount('close')).toBe(before.close);
    expect(stream.listenerCount('error')).toBe(before.error);
    expect(stream.listenerCount('drain')).toBe(0);
  });

  it('answers false when the stream closes first', async () => {
    const { stream } = slowStream();
    stream.write('xx');
    const wait = drainedOrClosed(stream);
    stream.destroy();
    expect(await wait).toBe(false);
    expect(stream.listenerCount('drain')).toBe(0);
  });
});
