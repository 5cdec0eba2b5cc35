import cookiePlugin from '@fastify/cookie';
import {
  AuthSession,
  SsoCallbackQuery,
  SsoIdentityList,
  SsoIdentityParams,
  SsoLinkBody,
  SsoProviderList,
  SsoProviderParams,
} from '@taskflow/contract';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { bearer, noContent, routeSchemas } from '../../platform/http/responses.ts';
import { keyedLimit } from '../../platform/http/security.ts';
import { callerId, clientOf, type Guards } from './auth.guards.ts';
import { setRefreshCookie } from './auth.routes.ts';
import type { SsoService } from './sso.service.ts';
import { SsoError } from './sso-client.ts';

const SSO_PATH = '/api/v1/auth/sso';

type Options = {
  sso: SsoService;
  guards: Guards;
  cookie: { name: string; secure: boolean; maxAgeSeconds: number };
  limits: { perIp: number; perAccount: number; windowMs: number };
  /** The web app's origin for this request (PUBLIC_URL or a trusted origin): redirect URIs. */
  appUrl: () => string;
};

const redirect = (description: string) => z.null().describe(description);
const route = routeSchemas({ tags: ['sso'], security: [] });
const own = routeSchemas({ tags: ['sso'], security: bearer, problems: [401] });

/** Single sign-on with OpenID Connect: start, callback, link; and the caller's linked identities. */
export async function ssoRoutes(
  instance: FastifyInstance,
  { sso, guards, cookie, limits, appUrl }: Options,
) {
  await instance.register(cookiePlugin);
  const app = instance.withTypeProvider<ZodTypeProvider>();
  const perIp = { rateLimit: { max: limits.perIp, timeWindow: limits.windowMs } };
  const perLink = keyedLimit(
    instance,
    { max: limits.perAccount, windowMs: limits.windowMs },
    (request) => `sso-link:${(request.body as { linkToken?: string } | undefined)?.linkToken}`,
  );
  // Binds an attempt to the browser that started it. Lax: it must come back with the provider's
  // top-level redirect to the callback, which a Strict cookie would not.
  const browserCookie = cookie.secure ? '__Secure-taskflow_sso' : 'taskflow_sso';
  const away = (reply: FastifyReply, location: string) =>
    reply.header('cache-control', 'no-store').redirect(location, 302);

  app.get(
    `${SSO_PATH}/providers`,
    {
      schema: route({
        operationId: 'listSsoProviders',
        summary: 'The OpenID providers users may sign in with (none when none is configured)',
        response: { 200: SsoProviderList },
      }),
    },
    async () => ({ items: sso.providers() }),
  );

  app.get(
    `${SSO_PATH}/:provider/start`,
    {
      config: perIp,
      schema: route({
        operationId: 'startSso',
        summary: 'Start single sign-on: redirects to the provider (code flow, PKCE S256)',
        description:
          'Answers 302 with the provider’s authorization URL in `Location` and a short-lived httpOnly cookie binding the attempt to this browser.',
        params: SsoProviderParams,
        response: { 302: redirect('To the provider’s sign-in page') },
        problems: [404],
      }),
    },
    async (request, reply) => {
      const redirectUri = `${appUrl()}${SSO_PATH}/${request.params.provider}/callback`;
      try {
        const { url, browser } = await sso.start(request.params.provider, redirectUri);
        reply.setCookie(browserCookie, browser, {
          path: SSO_PATH,
          httpOnly: true,
          sameSite: 'lax',
          secure: cookie.secure,
          maxAge: 600,
        });
        return away(reply, url);
      } catch (error) {
        if (error instanceof SsoError) return away(reply, `/sign-in?sso_error=${error.failure}`);
        throw error;
      }
    },
  );

  app.get(
    `${SSO_PATH}/:provider/callback`,
    {
      config: perIp,
      schema: route({
        operationId: 'finishSso',
        summary: 'The provider’s redirect back: signs in, or asks to link an existing account',
        description:
          'Answers 302: to `/` signed in (refresh cookie set); to `/sso/link?token=…` when an account with the verified address exists but is not linked (its password is asked); or to `/sign-in?sso_error=<code>` when sign-in was refused.',
        params: SsoProviderParams,
        querystring: SsoCallbackQuery,
        response: { 302: redirect('To the web app') },
        problems: [404],
      }),
    },
    async (request, reply) => {
      const query = new URLSearchParams(
        Object.entries(request.query).filter((e): e is [string, string] => e[1] !== undefined),
      );
      reply.clearCookie(browserCookie, { path: SSO_PATH });
      try {
        const outcome = await sso.callback(
          request.params.provider,
          query,
          request.cookies[browserCookie],
          clientOf(request),
        );
        if ('linkToken' in outcome) {
          return away(reply, `/sso/link?token=${encodeURIComponent(outcome.linkToken)}`);
        }
        setRefreshCookie(reply, cookie, outcome.signedIn.refreshToken);
        return away(reply, '/');
      } catch (error) {
        if (error instanceof SsoError) return away(reply, `/sign-in?sso_error=${error.failure}`);
        throw error;
      }
    },
  );

  app.post(
    `${SSO_PATH}/link`,
    {
      config: perIp,
      preHandler: perLink,
      schema: route({
        operationId: 'linkSso',
        summary: 'Link a provider identity to an existing account with its password, and sign in',
        body: SsoLinkBody,
        response: { 200: AuthSession },
        problems: [401, 403, 409],
      }),
    },
    async (request, reply) => {
      const result = await sso.link(
        request.body.linkToken,
        request.body.password,
        request.body.code,
        clientOf(request),
      );
      setRefreshCookie(reply, cookie, result.refreshToken);
      return reply.header('cache-control', 'no-store').send(result.session);
    },
  );

  app.get(
    '/api/v1/me/sso-identities',
    {
      preHandler: guards.authenticated,
      schema: own({
        operationId: 'listSsoIdentities',
        summary: 'The provider identities linked to the signed-in account',
        response: { 200: SsoIdentityList },
      }),
    },
    async (request) => ({ items: await sso.identities(callerId(request)) }),
  );

  app.delete(
    '/api/v1/me/sso-identities/:id',
    {
      preHandler: guards.authenticated,
      schema: own({
        operationId: 'unlinkSsoIdentity',
        summary: 'Unlink a provider identity (not the account’s only way to sign in)',
        params: SsoIdentityParams,
        response: { 204: noContent },
        problems: [404, 409],
      }),
    },
    async (request, reply) => {
      await sso.unlink(callerId(request), request.params.id, clientOf(request));
      return reply.status(204).send(null);
    },
  );
}
