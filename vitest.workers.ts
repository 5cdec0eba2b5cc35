import { availableParallelism } from 'node:os';

/**
 * The test workers of every project. A project resolves its own `maxWorkers` (the root's is not
 * inherited), and vitest's default, one less than the cores, is one worker on a 2-core machine.
 * Most integration tests wait (on jobs, streams, shutdowns) more than they compute: two workers
 * overlap that waiting even there.
 */
export const maxWorkers = Math.max(2, availableParallelism() - 1);
