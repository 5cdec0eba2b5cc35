export * from './admin.ts';
export * from './auth.ts';
export * from './errors.ts';
export * from './meta.ts';
export * from './problem.ts';
export * from './tasks.ts';
export * from './workspaces.ts';
