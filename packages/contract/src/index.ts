export * from './errors.ts';
export * from './meta.ts';
export * from './problem.ts';
