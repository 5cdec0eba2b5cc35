import { ACCESS_TOKEN_PREFIX, CSRF_HEADER } from '@taskflow/contract';
import type { FastifyRequest } from 'fastify';
import { AppError } from '../../platform/http/errors.ts';
import type { TokenClaims } from './access-tokens.service.ts';
import type { Client } from './auth.repository.ts';
import type { SessionCache } from './session-cache.ts';
import type { AccessClaims, SigningKeys } from './signing-keys.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** Who is calling, once `guards.authenticated` has run; `token` when by a personal access token. */
    auth: (AccessClaims & { token?: TokenClaims['token'] }) | null;
  }
}

const unauthenticated = () =>
  new AppError('UNAUTHENTICATED', { headers: { 'www-authenticate': 'Bearer' } });

/** Who sent a request, as audit rows and sessions record it. */
export const clientOf = (request: FastifyRequest): Client => ({
  ip: request.ip,
  userAgent: request.headers['user-agent']?.slice(0, 500) ?? null,
});

/** The signed-in user's id, on a route behind `guards.authenticated`. */
export function callerId(request: Pick<FastifyRequest, 'auth'>): string {
  if (!request.auth) throw unauthenticated();
  return request.auth.sub;
}

/** The signed-in user and where the request came from: who acts, for services and the audit. */
export const callerOf = (request: FastifyRequest) => ({
  userId: callerId(request),
  client: clientOf(request),
});

/** Methods a `read` token may use: those that change nothing. */
const SAFE_METHODS = new Set(['GET', 'HEAD']);

/** Personal access tokens, as the guard checks them. */
type TokenGuard = {
  authenticate: (token: string, ip: string | null) => Promise<TokenClaims | null>;
  /** Counts the request against the token's rate limit (429 past it). */
  limit: (request: FastifyRequest) => Promise<void>;
};

export function createGuards(
  keys: SigningKeys,
  sessions: SessionCache,
  allowedOrigins: string[],
  tokens: TokenGuard,
  /** Whether an administrator is refused for lack of two-factor sign-in (when it is required). */
  adminLacksTwoFactor: (userId: string) => Promise<boolean> = async () => false,
) {
  /** A personal access token: live, and its scope allows the request's method. */
  async function byAccessToken(request: FastifyRequest, token: string) {
    const claims = await tokens.authenticate(token, request.ip);
    if (!claims) throw unauthenticated();
    request.auth = claims;
    await tokens.limit(request);
    if (claims.token.scope === 'read' && !SAFE_METHODS.has(request.method)) {
      throw new AppError('TOKEN_SCOPE_INSUFFICIENT');
    }
  }

  /**
   * A valid bearer token whose session is still live (revocation applies at once): an access
   * token of a signed-in session, or a personal access token.
   */
  async function authenticated(request: FastifyRequest) {
    const header = request.headers.authorization;
    const token = header?.startsWith('Bearer ') ? header.slice(7).trim() : undefined;
    if (token?.startsWith(ACCESS_TOKEN_PREFIX)) return byAccessToken(request, token);
    const claims = token ? await keys.verify(token) : null;
    if (!claims || !(await sessions.isLive(claims.sid))) throw unauthenticated();
    request.auth = claims;
  }

  function authorize(role: AccessClaims['role']) {
    return [
      authenticated,
      async (request: FastifyRequest) => {
        if (request.auth?.token) throw new AppError('TOKEN_NOT_ALLOWED');
        if (request.auth?.role !== role) throw new AppError('FORBIDDEN');
        if (role === 'admin' && (await adminLacksTwoFactor(request.auth.sub))) {
          throw new AppError('TWO_FACTOR_REQUIRED');
        }
      },
    ];
  }

  /**
   * After `authenticated`, on what only a signed-in person may do (sessions, password, tokens
   * themselves): a personal access token is refused, so a token cannot mint tokens.
   */
  async function signedInOnly(request: FastifyRequest) {
    if (request.auth?.token) throw new AppError('TOKEN_NOT_ALLOWED');
  }

  /**
   * For endpoints authenticated by cookie: the browser must say where the request comes from
   * (an allowed Origin) and send a header that a cross-site form or image cannot.
   */
  async function csrf(request: FastifyRequest) {
    const origin = request.headers.origin;
    const own = `${request.protocol}://${request.host}`;
    const allowed = origin !== undefined && (origin === own || allowedOrigins.includes(origin));
    if (!allowed || !request.headers[CSRF_HEADER]) throw new AppError('CSRF_REJECTED');
  }

  return { authenticated, authorize, signedInOnly, csrf };
}

export type Guards = ReturnType<typeof createGuards>;
