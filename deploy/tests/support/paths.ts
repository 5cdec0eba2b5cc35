import path from 'node:path';

/** The repository root: the build context of deploy/Dockerfile. */
export const repoRoot = path.resolve(import.meta.dirname, '../../..');
export const deployDir = path.join(repoRoot, 'deploy');
export const fromRoot = (...parts: string[]) => path.join(repoRoot, ...parts);
