import { afterAll } from 'vitest';

/**
 * Fails a test file in which Node warned of a listener leak: more listeners on one emitter than
 * its limit, as when a wait on a response leaves a listener behind every time it runs.
 */
const leaks: string[] = [];
const onWarning = (warning: Error) => {
  if (warning.name === 'MaxListenersExceededWarning') leaks.push(warning.message);
};
process.on('warning', onWarning);

afterAll(() => {
  process.off('warning', onWarning);
  if (leaks.length > 0) throw new Error(`listeners leaked:\n${leaks.join('\n')}`);
});
