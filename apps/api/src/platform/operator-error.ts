/**
 * A failure the operator fixes (a locked or incompatible data directory…), not a bug: the CLI
 * reports its message alone, without a stack trace.
 */
export class OperatorError extends Error {}
