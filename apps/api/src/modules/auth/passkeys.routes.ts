import {
  AuthSession,
  CreatePasskeyBody,
  Passkey,
  PasskeyIdParams,
  PasskeyList,
  PasskeyRegistrationOptions,
  PasskeySignInBody,
  PasskeySignInOptions,
  PasswordConfirmationBody,
  RemovePasskeyBody,
  RenamePasskeyBody,
  TwoFactorPasskeyBody,
  TwoFactorPasskeyOptionsBody,
} from '@taskflow/contract';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { DomainError } from '../../platform/errors.ts';
import { noContent, routeSchemas, sessionBearer } from '../../platform/http/responses.ts';
import { accountLimit } from './account-limit.ts';
import { callerId, callerOf, clientOf, type Guards } from './auth.guards.ts';
import type { AuthService, SignedIn } from './auth.service.ts';
import type { PasskeyService } from './passkeys.service.ts';
import type { TwoFactorService } from './two-factor.service.ts';

type Options = {
  auth: AuthService;
  passkeys: PasskeyService;
  twoFactor: TwoFactorService;
  guards: Guards;
  signedIn: (reply: FastifyReply, result: SignedIn) => FastifyReply;
  limits: { perIp: number; perAccount: number; windowMs: number };
};

const tags = ['passkeys'];
const open = routeSchemas({ tags, security: [] });
// Signed-in people only: a personal access token cannot add or remove a way to sign in.
const own = routeSchemas({ tags, security: sessionBearer, problems: [401, 403] });
const emptyBody = z.object({}).strict().optional().meta({ id: 'EmptyBody' });

/** Passkeys: the user's own on the account page, and sign-in with one (alone or second). */
export async function passkeyRoutes(
  instance: FastifyInstance,
  { auth, passkeys, twoFactor, guards, signedIn, limits }: Options,
) {
  const app = instance.withTypeProvider<ZodTypeProvider>();
  const perIp = { rateLimit: { max: limits.perIp, timeWindow: limits.windowMs } };
  // The second-factor routes count per account too, as the code step does.
  const { perAccount, challengeOwner, ownerOf } = accountLimit(
    instance,
    { max: limits.perAccount, windowMs: limits.windowMs },
    'passkey',
    twoFactor,
  );
  const noStore = (reply: FastifyReply) => reply.header('cache-control', 'no-store');

  app.post(
    '/api/v1/auth/passkey/options',
    {
      config: perIp,
      schema: open({
        operationId: 'passkeySignInOptions',
        summary: 'Start a sign-in with a passkey: options for `navigator.credentials.get()`',
        description:
          'No account is named: the browser offers the passkeys it holds for TaskFlow. The challenge is single-use and lasts about five minutes.',
        body: emptyBody,
        response: { 200: PasskeySignInOptions },
      }),
    },
    async (_request, reply) => noStore(reply).send(await passkeys.signInOptions()),
  );

  app.post(
    '/api/v1/auth/passkey/sign-in',
    {
      config: perIp,
      schema: open({
        operationId: 'signInWithPasskey',
        summary: 'Sign in with a passkey alone: an access token, and a refresh cookie',
        description:
          'The passkey must have verified its user (PIN or biometrics): it is then two factors, and no code is asked even when the account has two-factor sign-in on.',
        body: PasskeySignInBody,
        response: { 200: AuthSession },
        problems: [401, 403],
      }),
    },
    async (request, reply) =>
      signedIn(
        reply,
        await auth.signInWithPasskey(
          request.body.challengeId,
          request.body.credential,
          clientOf(request),
        ),
      ),
  );

  app.post(
    '/api/v1/auth/sign-in/two-factor/passkey-options',
    {
      config: perIp,
      preHandler: [challengeOwner, perAccount],
      schema: open({
        operationId: 'twoFactorPasskeyOptions',
        summary:
          'Options to pass the two-factor step of a sign-in with one of the account’s passkeys',
        description: 'After `signIn` answered 202 with a challenge whose `passkey` is true.',
        body: TwoFactorPasskeyOptionsBody,
        response: { 200: PasskeySignInOptions },
        problems: [401],
      }),
    },
    async (request, reply) => {
      // Found by the per-account limiter's pre-handler: a live challenge has an owner.
      const owner = ownerOf(request);
      if (!owner) throw new DomainError('TWO_FACTOR_CHALLENGE_EXPIRED');
      return noStore(reply).send(await passkeys.secondFactorOptions(owner));
    },
  );

  app.post(
    '/api/v1/auth/sign-in/two-factor/passkey',
    {
      config: perIp,
      preHandler: [challengeOwner, perAccount],
      schema: open({
        operationId: 'signInWithPasskeyFactor',
        summary: 'Finish a sign-in with one of the account’s passkeys instead of a code',
        body: TwoFactorPasskeyBody,
        response: { 200: AuthSession },
        problems: [401, 403],
      }),
    },
    async (request, reply) =>
      signedIn(
        reply,
        await auth.signInWithPasskeyFactor(request.body.challenge, request.body, clientOf(request)),
      ),
  );

  await app.register(async (me) => {
    const api = me.withTypeProvider<ZodTypeProvider>();
    api.addHook('preHandler', guards.authenticated);
    api.addHook('preHandler', guards.signedInOnly);
    const limited = { config: perIp, preHandler: perAccount };

    api.get(
      '/api/v1/me/passkeys',
      {
        schema: own({
          operationId: 'listPasskeys',
          summary: 'The signed-in user’s passkeys, oldest first',
          response: { 200: PasskeyList },
        }),
      },
      async (request) => ({ items: await passkeys.list(callerId(request)) }),
    );

    api.post(
      '/api/v1/me/passkeys/registration-options',
      {
        ...limited,
        schema: own({
          operationId: 'passkeyRegistrationOptions',
          summary: 'Start adding a passkey: options for `navigator.credentials.create()`',
          description:
            'The password is asked again. The challenge is single-use and lasts about five minutes.',
          body: PasswordConfirmationBody,
          response: { 200: PasskeyRegistrationOptions },
          problems: [409],
        }),
      },
      async (request, reply) =>
        noStore(reply).send(
          await passkeys.registrationOptions(callerOf(request), request.body.password),
        ),
    );

    api.post(
      '/api/v1/me/passkeys',
      {
        ...limited,
        schema: own({
          operationId: 'createPasskey',
          summary: 'Add a passkey: the browser’s answer to the registration options, and a name',
          body: CreatePasskeyBody,
          response: { 201: Passkey },
          problems: [409],
        }),
      },
      async (request, reply) =>
        reply.status(201).send(await passkeys.register(callerOf(request), request.body)),
    );

    api.patch(
      '/api/v1/me/passkeys/:id',
      {
        schema: own({
          operationId: 'renamePasskey',
          summary: 'Rename one of the user’s passkeys',
          params: PasskeyIdParams,
          body: RenamePasskeyBody,
          response: { 200: Passkey },
          problems: [404],
        }),
      },
      async (request) => passkeys.rename(callerOf(request), request.params.id, request.body.name),
    );

    api.delete(
      '/api/v1/me/passkeys/:id',
      {
        ...limited,
        schema: own({
          operationId: 'removePasskey',
          summary: 'Remove one of the user’s passkeys: the password is asked again',
          params: PasskeyIdParams,
          body: RemovePasskeyBody,
          response: { 204: noContent },
          problems: [404],
        }),
      },
      async (request, reply) => {
        await passkeys.remove(callerOf(request), request.params.id, request.body.password);
        return reply.status(204).send(null);
      },
    );
  });
}
