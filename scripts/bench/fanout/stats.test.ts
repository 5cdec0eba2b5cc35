import { describe, expect, it } from 'vitest';
import { createMarkerScanner, perConnectionKb, percentile, summarize, vmRssKb } from './stats.ts';

const frame = (k: number) =>
  `id: ${100 + k}\nevent: task.created\ndata: {"task":{"title":"fanout-ab12-${k}","x":1}}\n\n`;

describe('createMarkerScanner', () => {
  it('finds every marker of a chunk, in order', () => {
    const scan = createMarkerScanner('fanout-ab12-');
    expect(scan(`${frame(3)}${frame(14)}: keep-alive\n\n`)).toEqual([3, 14]);
  });

  it('finds a marker cut by a chunk boundary anywhere, once', () => {
    const text = frame(0) + frame(27) + frame(5);
    for (let cut = 0; cut <= text.length; cut++) {
      const scan = createMarkerScanner('fanout-ab12-');
      expect([...scan(text.slice(0, cut)), ...scan(text.slice(cut))]).toEqual([0, 27, 5]);
    }
  });

  it('finds markers across one-character chunks', () => {
    const scan = createMarkerScanner('event: ready\ndata: {"id":"');
    const text = `retry: 2000\n\nid: 42\nevent: ready\ndata: {"id":"42","type":"ready"}\n\n`;
    expect([...text].flatMap((c) => scan(c))).toEqual([42]);
  });

  it('ignores a marker without a number and other writes', () => {
    const scan = createMarkerScanner('fanout-ab12-');
    expect(scan('"fanout-ab12-x" "fanout-cd34-5" "fanout-ab12-"')).toEqual([]);
  });
});

describe('percentile and summarize', () => {
  it('takes the nearest rank', () => {
    const values = Float64Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(values, 50)).toBe(50);
    expect(percentile(values, 99)).toBe(99);
    expect(percentile(values, 100)).toBe(100);
    expect(percentile([7], 99)).toBe(7);
    expect(percentile([], 50)).toBeNaN();
  });

  it('summarizes unsorted latencies', () => {
    expect(summarize([5, 1, 3, 2, 4])).toEqual({ p50Ms: 3, p99Ms: 5, maxMs: 5 });
  });
});

describe('memory', () => {
  it('reads VmRSS from /proc/<pid>/status', () => {
    const status = 'Name:\tnode\nVmPeak:\t 999 kB\nVmRSS:\t  123456 kB\nRssAnon:\t 1 kB\n';
    expect(vmRssKb(status)).toBe(123_456);
    expect(() => vmRssKb('Name:\tnode\n')).toThrow('VmRSS');
  });

  it('divides the growth by the connections', () => {
    expect(perConnectionKb(100_000, 250_000, 10_000)).toBe(15);
    expect(perConnectionKb(1, 2, 0)).toBeNaN();
  });
});
