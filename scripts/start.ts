/**
 * `npm start`: embedded mode with zero setup. Builds the web app if it has not been built,
 * then runs `taskflow serve` in this process (it migrates the embedded database on start).
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const web = path.join(root, 'apps/web');

if (!existsSync(path.join(web, 'dist/index.html'))) {
  console.log('Building the web app (first start)…');
  const vite = path.join(root, 'node_modules/vite/bin/vite.js');
  const build = spawnSync(process.execPath, [vite, 'build', '--logLevel', 'warn'], {
    cwd: web,
    stdio: 'inherit',
  });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

// `npm start` is a developer's zero-setup run: development unless told otherwise (mailed links,
// tokens included, go to the log). `taskflow serve` alone defaults to production.
process.env.NODE_ENV ??= 'development';
process.argv = [process.argv[0] ?? process.execPath, 'taskflow', 'serve'];
await import('../apps/api/src/cli/main.ts');
