type Stream = Pick<NodeJS.WriteStream, 'write'> & { isTTY?: boolean; columns?: number };

/**
 * Progress of a long operation on stderr: a bar redrawn in place on a terminal; elsewhere (a pipe,
 * a log file) a plain line at the start and at each quarter, so a log is not flooded.
 */
export function createProgress(label: string, total: number, stream: Stream = process.stderr) {
  const tty = stream.isTTY === true;
  let lastQuarter = -1;
  let drawn = false;
  return {
    update(done: number) {
      const ratio = total === 0 ? 1 : Math.min(done / total, 1);
      const percent = Math.floor(ratio * 100);
      if (tty) {
        const width = Math.max(10, Math.min(40, (stream.columns ?? 80) - label.length - 24));
        const filled = Math.round(ratio * width);
        const bar = `${'█'.repeat(filled)}${'░'.repeat(width - filled)}`;
        stream.write(`\r\x1b[K${label} ${bar} ${done}/${total} ${percent}%`);
        drawn = true;
        return;
      }
      const quarter = Math.floor(ratio * 4);
      if (quarter === lastQuarter) return;
      lastQuarter = quarter;
      stream.write(`${label}: ${done}/${total} (${percent}%)\n`);
    },
    /** Ends the bar's line on a terminal. */
    finish() {
      if (tty && drawn) stream.write('\n');
    },
  };
}
