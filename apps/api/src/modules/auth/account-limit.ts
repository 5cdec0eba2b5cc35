import type { FastifyInstance, FastifyRequest } from 'fastify';
import { keyedLimit } from '../../platform/http/security.ts';
import type { TwoFactorService } from './two-factor.service.ts';

/**
 * The per-account limit of routes that check a second factor or the password, counted for the
 * account a sign-in challenge in the body belongs to (once `challengeOwner` has found it), else
 * for the signed-in caller: attempts count wherever they come from.
 */
export function accountLimit(
  instance: FastifyInstance,
  limit: { max: number; windowMs: number },
  name: string,
  twoFactor: Pick<TwoFactorService, 'challengeOwner'>,
) {
  const owners = new WeakMap<FastifyRequest, string>();
  return {
    perAccount: keyedLimit(
      instance,
      limit,
      (request) => `${name}:${owners.get(request) ?? request.auth?.sub ?? 'unknown'}`,
    ),
    /** A pre-handler: finds the account of the body's challenge (none for a dead one). */
    async challengeOwner(request: FastifyRequest) {
      const { challenge } = request.body as { challenge: string };
      const owner = await twoFactor.challengeOwner(challenge);
      if (owner) owners.set(request, owner);
    },
    /** The account `challengeOwner` found for this request. */
    ownerOf: (request: FastifyRequest) => owners.get(request),
  };
}
