/**
 * `npm run dev`: the API with reload on change (node --watch) and the Vite dev server with HMR,
 * which proxies /api to the API. Ctrl-C stops both.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const children: ChildProcess[] = [
  spawn(
    process.execPath,
    [
      '--watch-path=apps/api/src',
      '--watch-path=packages/contract/src',
      'apps/api/src/cli/main.ts',
      'serve',
    ],
    {
      cwd: root,
      stdio: 'inherit',
      env: {
        // The Vite server is the web app's origin here: passkeys are bound to it, and mailed
        // links should open it (decision 0035).
        CORS_ORIGINS: 'http://localhost:5173',
        ...process.env,
        NODE_ENV: 'development',
      },
    },
  ),
  spawn(process.execPath, [path.join(root, 'node_modules/vite/bin/vite.js')], {
    cwd: path.join(root, 'apps/web'),
    stdio: 'inherit',
  }),
];

let stopping = false;
const stop = (code: number) => {
  if (stopping) return;
  stopping = true;
  for (const child of children) child.kill('SIGTERM');
  process.exitCode = code;
};
for (const child of children) child.on('exit', (code) => stop(code ?? 1));
process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));
