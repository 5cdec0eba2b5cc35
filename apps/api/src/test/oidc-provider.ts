import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider, { type Configuration } from 'oidc-provider';

/** What the test provider says of an account, by the login typed on its sign-in page. */
type ProviderAccount = { email?: string; emailVerified?: boolean; name?: string };

export const TEST_CLIENT = { id: 'taskflow', secret: 'test-client-secret-0123456789abcdef' };

/**
 * A real OpenID provider (oidc-provider) on a free loopback port, with one confidential client.
 * Its development sign-in page takes any login: the login becomes the subject, and the email
 * is the login unless `accounts` says otherwise. Consent is taken as given.
 */
export async function startTestProvider(options: {
  redirectUris: string[];
  accounts?: Record<string, ProviderAccount>;
  idTokenTtlSeconds?: number;
}) {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const configuration: Configuration = {
    clients: [
      {
        client_id: TEST_CLIENT.id,
        client_secret: TEST_CLIENT.secret,
        redirect_uris: options.redirectUris,
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_post',
      },
    ],
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
    // Claims in the ID token itself: TaskFlow reads them there, not from userinfo.
    conformIdTokenClaims: false,
    features: { devInteractions: { enabled: true } },
    pkce: { required: () => true },
    cookies: { keys: ['test-provider-cookie-key-0123456789'] },
    // Every lifetime stated: the provider prints a notice for each one left to its default.
    ttl: {
      IdToken: options.idTokenTtlSeconds ?? 3600,
      AccessToken: 600,
      AuthorizationCode: 60,
      Grant: 3600,
      Interaction: 600,
      Session: 3600,
    },
    findAccount: (_ctx, id) => ({
      accountId: id,
      claims: () => {
        const account = options.accounts?.[id] ?? {};
        return {
          sub: id,
          email: account.email ?? id,
          email_verified: account.emailVerified ?? true,
          ...(account.name ? { name: account.name } : {}),
        };
      },
    }),
    async loadExistingGrant(ctx) {
      const accountId = ctx.oidc.session?.accountId;
      const clientId = ctx.oidc.client?.clientId;
      if (!accountId || !clientId) return undefined;
      const grant = new ctx.oidc.provider.Grant({ clientId, accountId });
      grant.addOIDCScope('openid email profile');
      await grant.save();
      return grant;
    },
  };
  const provider = new Provider(issuer, configuration);
  server.on('request', provider.callback());
  return {
    issuer,
    provider,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/**
 * Signs in on the provider's own pages as a browser would (its cookies kept between steps) and
 * returns where it sends the browser back: the callback URL with code and state.
 */
export async function signInAtProvider(authorizationUrl: string, login: string) {
  const jar = new Map<string, string>();
  const step = async (url: string, init: RequestInit = {}) => {
    const res = await fetch(url, {
      ...init,
      redirect: 'manual',
      headers: {
        ...(init.headers as Record<string, string>),
        cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; '),
      },
    });
    for (const header of res.headers.getSetCookie()) {
      const [pair = ''] = header.split(';');
      const at = pair.indexOf('=');
      jar.set(pair.slice(0, at), pair.slice(at + 1));
    }
    const location = res.headers.get('location');
    if (!location) throw new Error(`the provider answered ${res.status} at ${url}`);
    return new URL(location, url).href;
  };
  const interaction = await step(authorizationUrl);
  const resume = await step(interaction, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ prompt: 'login', login, password: 'any' }).toString(),
  });
  return step(resume);
}
