import { describe, expect, it } from 'vitest';
import { finished, startNode, waitForLine } from '../../test/cli.ts';
import { newDataDir } from '../../test/data-dir.ts';

describe('the demo workspace', () => {
  it('a first `taskflow serve` on an empty embedded database seeds it and logs a login that works; the next does not', async () => {
    const { dir, remove } = await newDataDir('empty');
    try {
      const env = {
        DATA_DIR: dir,
        PORT: '0',
        LOG_LEVEL: 'info',
        WEB_DIST_DIR: '/nonexistent',
        NODE_ENV: 'development',
      };
      const first = startNode(['serve'], env);
      const run = finished(first);
      const line = await waitForLine(first, /Demo workspace created/);
      const address = await waitForLine(first, /TaskFlow is serving on/);
      const password = /with the password (\S+)"/.exec(line)?.[1];
      const base = /serving on (http:\/\/[^"\s]+)/.exec(address)?.[1];
      const signIn = await fetch(`${base}/api/v1/auth/sign-in`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'demo@taskflow.local', password }),
      });
      expect(signIn.status).toBe(200);
      const { accessToken } = (await signIn.json()) as { accessToken: string };
      const auth = { authorization: `Bearer ${accessToken}` };
      const workspaces = (await (
        await fetch(`${base}/api/v1/workspaces`, { headers: auth })
      ).json()) as {
        items: { id: string; name: string; memberCount: number }[];
      };
      const team = workspaces.items.find((w) => w.name === 'Demo team');
      expect(team?.memberCount).toBe(2);
      const tasks = (await (
        await fetch(`${base}/api/v1/workspaces/${team?.id}/tasks?limit=100`, { headers: auth })
      ).json()) as {
        items: { status: string }[];
      };
      expect(tasks.items.length).toBeGreaterThanOrEqual(15);
      expect(new Set(tasks.items.map((t) => t.status))).toEqual(
        new Set(['todo', 'in_progress', 'done']),
      );
      first.kill('SIGTERM');
      expect((await run).code).toBe(0);

      const second = startNode(['serve'], env);
      const again = finished(second);
      await waitForLine(second, /TaskFlow is serving on/);
      second.kill('SIGTERM');
      expect((await again).stdout).not.toContain('Demo workspace created');
    } finally {
      await remove();
    }
  }, 120_000);
});
