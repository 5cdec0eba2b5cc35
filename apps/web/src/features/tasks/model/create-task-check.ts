import { CreateTaskBody } from '@taskflow/contract';

/**
 * The contract's schema of a new task, for the quick add to check a line before sending it. Its
 * own module so the board can load it (and zod with it) on first use rather than at start-up.
 */
export { CreateTaskBody };
