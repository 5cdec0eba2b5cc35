import cookiePlugin from '@fastify/cookie';
import {
  Accepted,
  AuthSession,
  CSRF_HEADER,
  EmailBody,
  OneTimeTokenBody,
  RegisterBody,
  ResetPasswordBody,
  SignInBody,
  TwoFactorChallenge,
} from '@taskflow/contract';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { routeSchemas } from '../../platform/http/responses.ts';
import { keyedLimit } from '../../platform/http/security.ts';
import { clientOf, type Guards } from './auth.guards.ts';
import type { AuthService, SignedIn } from './auth.service.ts';
import { passkeyRoutes } from './passkeys.routes.ts';
import type { PasskeyService } from './passkeys.service.ts';
import { twoFactorRoutes } from './two-factor.routes.ts';
import type { TwoFactorService } from './two-factor.service.ts';

const REFRESH_PATH = '/api/v1/auth';

type RefreshCookie = { name: string; secure: boolean; maxAgeSeconds: number };

/** The refresh token's cookie: httpOnly, SameSite=Strict, sent only to the auth routes. */
export const setRefreshCookie = (reply: FastifyReply, cookie: RefreshCookie, token: string) =>
  reply.setCookie(cookie.name, token, {
    path: REFRESH_PATH,
    httpOnly: true,
    sameSite: 'strict',
    secure: cookie.secure,
    maxAge: cookie.maxAgeSeconds,
  });

type Options = {
  service: AuthService;
  twoFactor: TwoFactorService;
  passkeys: PasskeyService;
  guards: Guards;
  cookie: RefreshCookie;
  limits: { perIp: number; perAccount: number; windowMs: number };
};

const csrfHeaders = z.object({
  [CSRF_HEADER]: z.string().max(100).describe('Any value; browsers cannot send it cross-site'),
});

/** Routes anyone may call: they need no token. */
const route = routeSchemas({ tags: ['auth'], security: [] });

/** Routes on the session of the refresh cookie, with the header that proves a same-site caller. */
const cookieRoute = routeSchemas({
  tags: ['auth'],
  security: [{ refreshCookie: [] }],
  headers: csrfHeaders,
});

export async function authRoutes(
  instance: FastifyInstance,
  { service, twoFactor, passkeys, guards, cookie, limits }: Options,
) {
  // Only these routes read or set the refresh cookie: other routes skip its per-request hooks.
  await instance.register(cookiePlugin);
  const app = instance.withTypeProvider<ZodTypeProvider>();
  const perIp = { rateLimit: { max: limits.perIp, timeWindow: limits.windowMs } };
  // A second limiter on the same routes, keyed by the account the request is about.
  const perAccount = keyedLimit(
    instance,
    { max: limits.perAccount, windowMs: limits.windowMs },
    (request) => `account:${(request.body as { email?: string } | undefined)?.email}`,
  );

  const signedIn = (reply: FastifyReply, result: SignedIn) => {
    setRefreshCookie(reply, cookie, result.refreshToken);
    return reply.header('cache-control', 'no-store').send(result.session);
  };
  const refreshToken = (request: FastifyRequest) => request.cookies[cookie.name];

  /** Mails a link to an address: the answer is the same whether or not it has an account. */
  const mailsLink = (operationId: string, summary: string) => ({
    config: perIp,
    preHandler: perAccount,
    schema: route({
      operationId,
      summary,
      description: 'Always answers 202 with the same message, whatever the address.',
      body: EmailBody,
      response: { 202: Accepted },
    }),
  });

  app.post(
    '/api/v1/auth/register',
    {
      config: perIp,
      preHandler: perAccount,
      schema: route({
        operationId: 'register',
        summary: 'Create an account; a verification link is mailed',
        description:
          'Always answers 202 with the same message, whether or not the address already has an account.',
        body: RegisterBody,
        response: { 202: Accepted },
      }),
    },
    async (request, reply) =>
      reply.status(202).send(await service.register(request.body, clientOf(request))),
  );

  app.post(
    '/api/v1/auth/verify-email',
    {
      config: perIp,
      schema: route({
        operationId: 'verifyEmail',
        summary: 'Verify an email address with the one-time token from the mail',
        body: OneTimeTokenBody,
        response: { 200: Accepted },
      }),
    },
    async (request) => service.verifyEmail(request.body.token, clientOf(request)),
  );

  app.post(
    '/api/v1/auth/verify-email/request',
    mailsLink('resendVerification', 'Mail a new verification link'),
    async (request, reply) =>
      reply.status(202).send(await service.resendVerification(request.body.email)),
  );

  app.post(
    '/api/v1/auth/password-reset/request',
    mailsLink('requestPasswordReset', 'Mail a one-time password reset link'),
    async (request, reply) =>
      reply
        .status(202)
        .send(await service.requestPasswordReset(request.body.email, clientOf(request))),
  );

  app.post(
    '/api/v1/auth/password-reset',
    {
      config: perIp,
      schema: route({
        operationId: 'resetPassword',
        summary: 'Set a new password with the one-time token from the reset mail',
        description: 'Every session of the account is signed out.',
        body: ResetPasswordBody,
        response: { 200: Accepted },
      }),
    },
    async (request) =>
      service.resetPassword(request.body.token, request.body.newPassword, clientOf(request)),
  );

  app.post(
    '/api/v1/auth/sign-in',
    {
      config: perIp,
      preHandler: perAccount,
      schema: route({
        operationId: 'signIn',
        summary: 'Sign in: an access token in the body, a refresh token in an httpOnly cookie',
        description:
          'When the account has two-factor sign-in on, the answer is 202 with a challenge instead: no session yet until `signInWithTwoFactor`.',
        body: SignInBody,
        response: { 200: AuthSession, 202: TwoFactorChallenge },
        problems: [401, 403],
      }),
    },
    async (request, reply) => {
      const result = await service.signIn(request.body, clientOf(request));
      if ('challenge' in result) {
        return reply.status(202).header('cache-control', 'no-store').send(result.challenge);
      }
      return signedIn(reply, result);
    },
  );

  app.post(
    '/api/v1/auth/refresh',
    {
      preHandler: guards.csrf,
      schema: cookieRoute({
        operationId: 'refresh',
        summary: 'Rotate the refresh cookie and get a new access token',
        description:
          'Presenting a refresh token that was already rotated revokes its whole session. Without a refresh cookie at all (a visitor who never signed in, or signed out) the answer is 204: there is no session, and no error to report.',
        response: { 200: AuthSession, 204: z.null().describe('No refresh cookie: not signed in') },
        problems: [401, 403],
      }),
    },
    async (request, reply) => {
      const token = refreshToken(request);
      // A signed-out visitor's page load asks too: not an error (the browser would log a 401).
      if (!token) return reply.header('cache-control', 'no-store').status(204).send(null);
      return signedIn(reply, await service.refresh(token, clientOf(request)));
    },
  );

  app.post(
    '/api/v1/auth/sign-out',
    {
      preHandler: guards.csrf,
      schema: cookieRoute({
        operationId: 'signOut',
        summary: 'Sign out: revoke this session and clear the refresh cookie',
        response: { 204: z.null().describe('Signed out') },
        problems: [403],
      }),
    },
    async (request, reply) => {
      const token = refreshToken(request);
      if (token) await service.signOut(token, clientOf(request));
      reply.clearCookie(cookie.name, { path: REFRESH_PATH });
      return reply.status(204).send(null);
    },
  );

  await app.register(twoFactorRoutes, { auth: service, twoFactor, guards, signedIn, limits });
  await app.register(passkeyRoutes, {
    auth: service,
    passkeys,
    twoFactor,
    guards,
    signedIn,
    limits,
  });
}
