/**
 * The pure parts of the fan-out measurement: finding a marker in a stream's chunks, latency
 * percentiles, and the server's resident memory read from /proc.
 */

/**
 * Finds `<marker><digits>` followed by a non-digit in a stream of chunks, also when a chunk
 * boundary cuts through it: each call returns the numbers completed by that chunk, in order.
 * One per connection, so it keeps nothing but the few characters a next chunk may complete.
 */
export function createMarkerScanner(marker: string) {
  let carry = '';
  return (chunk: string): number[] => {
    const text = carry + chunk;
    const found: number[] = [];
    let keepFrom = Math.max(0, text.length - (marker.length - 1));
    let at = text.indexOf(marker);
    while (at !== -1) {
      let end = at + marker.length;
      while (end < text.length && isDigit(text.charCodeAt(end))) end++;
      if (end === text.length) {
        keepFrom = at; // its number may go on in the next chunk
        break;
      }
      if (end > at + marker.length) found.push(Number(text.slice(at + marker.length, end)));
      keepFrom = Math.max(keepFrom, end);
      at = text.indexOf(marker, end);
    }
    carry = text.slice(keepFrom);
    return found;
  };
}

const isDigit = (code: number) => code >= 48 && code <= 57;

/** The nearest-rank percentile `p` (0–100) of ascending `sorted` values; NaN when empty. */
export function percentile(sorted: ArrayLike<number>, p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1] ?? Number.NaN;
}

export type LatencySummary = { p50Ms: number; p99Ms: number; maxMs: number };

export function summarize(latencies: number[]): LatencySummary {
  const sorted = Float64Array.from(latencies).sort();
  return {
    p50Ms: percentile(sorted, 50),
    p99Ms: percentile(sorted, 99),
    maxMs: sorted.length > 0 ? (sorted[sorted.length - 1] ?? Number.NaN) : Number.NaN,
  };
}

/** `VmRSS` of a `/proc/<pid>/status` text, in kB (kibibytes, as the kernel counts). */
export function vmRssKb(status: string): number {
  const match = /^VmRSS:\s+(\d+)\s+kB$/m.exec(status);
  if (!match?.[1]) throw new Error('no VmRSS line in the process status');
  return Number(match[1]);
}

/** The growth of resident memory per connection, in kB. */
export function perConnectionKb(idleKb: number, withStreamsKb: number, connections: number) {
  return connections > 0 ? (withStreamsKb - idleKb) / connections : Number.NaN;
}
