import {
  AuthSession,
  DisableTwoFactorBody,
  PasswordConfirmationBody,
  RecoveryCodes,
  SecuritySettings,
  TwoFactorCodeBody,
  TwoFactorEnrolment,
  TwoFactorSignInBody,
  TwoFactorStatus,
  UpdateSecuritySettingsBody,
} from '@taskflow/contract';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  adminBearer,
  noContent,
  routeSchemas,
  sessionBearer,
} from '../../platform/http/responses.ts';
import { accountLimit } from './account-limit.ts';
import { callerId, callerOf, clientOf, type Guards } from './auth.guards.ts';
import type { AuthService, SignedIn } from './auth.service.ts';
import type { TwoFactorService } from './two-factor.service.ts';

type Options = {
  auth: AuthService;
  twoFactor: TwoFactorService;
  guards: Guards;
  signedIn: (reply: FastifyReply, result: SignedIn) => FastifyReply;
  limits: { perIp: number; perAccount: number; windowMs: number };
};

const tags = ['two-factor'];
const open = routeSchemas({ tags, security: [] });
// Signed-in people only: a personal access token cannot turn a second factor on or off.
const own = routeSchemas({ tags, security: sessionBearer, problems: [401, 403] });
const operator = routeSchemas({ tags, security: adminBearer, problems: [401, 403] });

/** Two-factor sign-in: the code step of sign-in, the user's own enrolment, the admins' rule. */
export async function twoFactorRoutes(
  instance: FastifyInstance,
  { auth, twoFactor, guards, signedIn, limits }: Options,
) {
  const app = instance.withTypeProvider<ZodTypeProvider>();
  const perIp = { rateLimit: { max: limits.perIp, timeWindow: limits.windowMs } };
  // Code attempts count per account, wherever they come from (sign-in or account page).
  const { perAccount, challengeOwner } = accountLimit(
    instance,
    { max: limits.perAccount, windowMs: limits.windowMs },
    'two-factor',
    twoFactor,
  );

  app.post(
    '/api/v1/auth/sign-in/two-factor',
    {
      config: perIp,
      preHandler: [challengeOwner, perAccount],
      schema: open({
        operationId: 'signInWithTwoFactor',
        summary: 'Finish a sign-in with a code from the authenticator app or a recovery code',
        description:
          'After `signIn` answered 202 with a challenge. A code is accepted once; a few wrong codes end the challenge (sign in again).',
        body: TwoFactorSignInBody,
        response: { 200: AuthSession },
        problems: [401, 403],
      }),
    },
    async (request, reply) =>
      signedIn(
        reply,
        await auth.signInWithCode(request.body.challenge, request.body.code, clientOf(request)),
      ),
  );

  await app.register(async (me) => {
    const api = me.withTypeProvider<ZodTypeProvider>();
    api.addHook('preHandler', guards.authenticated);
    api.addHook('preHandler', guards.signedInOnly);
    const limited = { config: perIp, preHandler: perAccount };

    api.get(
      '/api/v1/me/two-factor',
      {
        schema: own({
          operationId: 'getTwoFactorStatus',
          summary: 'Whether two-factor sign-in is on, and the recovery codes left',
          response: { 200: TwoFactorStatus },
        }),
      },
      async (request) => {
        const role = request.auth?.role ?? 'user';
        return twoFactor.status(callerId(request), role);
      },
    );

    api.post(
      '/api/v1/me/two-factor/enrol',
      {
        ...limited,
        schema: own({
          operationId: 'startTwoFactorEnrolment',
          summary: 'Start turning two-factor sign-in on: a new secret, as a key and a QR code',
          description:
            'The password is asked again. Two-factor sign-in is on only once a code confirms it.',
          body: PasswordConfirmationBody,
          response: { 200: TwoFactorEnrolment },
          problems: [409],
        }),
      },
      async (request, reply) =>
        reply
          .header('cache-control', 'no-store')
          .send(await twoFactor.enrol(callerOf(request), request.body.password)),
    );

    api.post(
      '/api/v1/me/two-factor/confirm',
      {
        ...limited,
        schema: own({
          operationId: 'confirmTwoFactor',
          summary: 'Turn two-factor sign-in on with a first code; the recovery codes, shown once',
          body: TwoFactorCodeBody,
          response: { 200: RecoveryCodes },
          problems: [409],
        }),
      },
      async (request, reply) =>
        reply
          .header('cache-control', 'no-store')
          .send(await twoFactor.confirm(callerOf(request), request.body.code)),
    );

    api.post(
      '/api/v1/me/two-factor/disable',
      {
        ...limited,
        schema: own({
          operationId: 'disableTwoFactor',
          summary: 'Turn two-factor sign-in off: the password and a current code are asked',
          body: DisableTwoFactorBody,
          response: { 204: noContent },
          problems: [409],
        }),
      },
      async (request, reply) => {
        await twoFactor.disable(callerOf(request), request.body.password, request.body.code);
        return reply.status(204).send(null);
      },
    );

    api.post(
      '/api/v1/me/two-factor/recovery-codes',
      {
        ...limited,
        schema: own({
          operationId: 'regenerateRecoveryCodes',
          summary: 'New recovery codes, shown once; the earlier ones stop working',
          body: TwoFactorCodeBody,
          response: { 200: RecoveryCodes },
          problems: [409],
        }),
      },
      async (request, reply) =>
        reply
          .header('cache-control', 'no-store')
          .send(await twoFactor.regenerateRecoveryCodes(callerOf(request), request.body.code)),
    );
  });

  await app.register(async (admin) => {
    const api = admin.withTypeProvider<ZodTypeProvider>();
    for (const guard of guards.authorize('admin')) api.addHook('preValidation', guard);

    api.get(
      '/api/v1/admin/settings/security',
      {
        schema: operator({
          operationId: 'getSecuritySettings',
          summary: 'TaskFlow-wide security settings',
          response: { 200: SecuritySettings },
        }),
      },
      async () => twoFactor.settings(),
    );

    api.patch(
      '/api/v1/admin/settings/security',
      {
        schema: operator({
          operationId: 'updateSecuritySettings',
          summary: 'Change the security settings (require two-factor sign-in for administrators)',
          description:
            'Requiring it is refused (409) while the administrator asking has not turned it on.',
          body: UpdateSecuritySettingsBody,
          response: { 200: SecuritySettings },
          problems: [409],
        }),
      },
      async (request) =>
        twoFactor.updateSettings(callerOf(request), request.body.requireTwoFactorForAdmins),
    );
  });
}
