import type { App } from '../app.ts';
import type { Client } from './workspaces.ts';

type Scope = 'read' | 'read_write';

/** Creates a personal access token for `client`'s user: the answer, its secret included. */
export async function createAccessToken(
  client: Pick<Client, 'send'>,
  { name = 'script', scope = 'read_write' as Scope, expiresInDays = 30 } = {},
) {
  const res = await client.send('POST', '/api/v1/me/access-tokens', { name, scope, expiresInDays });
  if (res.statusCode !== 201) throw new Error(`token creation failed: ${res.body}`);
  return res.json() as { id: string; token: string; lastFour: string };
}

/** Raw requests authenticated by a personal access token. */
export function withAccessToken(app: App, token: string) {
  const headers = { authorization: `Bearer ${token}` };
  return {
    get: (url: string) => app.inject({ url, headers }),
    send: (method: 'POST' | 'PATCH' | 'PUT' | 'DELETE', url: string, payload?: object) =>
      app.inject({ method, url, payload, headers }),
  };
}
