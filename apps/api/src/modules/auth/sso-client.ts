import type { SsoErrorCode } from '@taskflow/contract';
import type * as Oidc from 'openid-client';
import type { SsoProviderConfig } from '../../config-sso.ts';

/** What the callback needs again: kept server-side between the start and the callback. */
export type SsoChecks = { state: string; nonce: string; verifier: string; redirectUri: string };

/** The claims of a verified ID token that TaskFlow uses. */
type SsoClaims = {
  subject: string;
  email: string | undefined;
  emailVerified: boolean;
  name: string | undefined;
};

/** Why a callback failed, as the sign-in page names it (`?sso_error=`). */
type SsoFailure = SsoErrorCode;

export class SsoError extends Error {
  readonly failure: SsoFailure;
  constructor(failure: SsoFailure, reason?: string) {
    super(reason ?? failure);
    this.name = 'SsoError';
    this.failure = failure;
  }
}

/** openid-client's codes for an ID token whose `exp`/`iat` do not fit the clock. */
const EXPIRED = 'OAUTH_JWT_TIMESTAMP_CHECK_FAILED';

/** openid-client, loaded by the first sign-in through a provider. */
let loaded: typeof Oidc | undefined;
const loadOidc = async () => {
  loaded ??= await import('openid-client');
  return loaded;
};

function failureOf(error: unknown): SsoError {
  // Errors of openid-client's classes exist only once it is loaded.
  const oidc = loaded;
  if (oidc && error instanceof oidc.AuthorizationResponseError) {
    return new SsoError(error.error === 'access_denied' ? 'denied' : 'provider_error', error.error);
  }
  const code = (error as { code?: unknown }).code;
  if (code === EXPIRED) return new SsoError('token_expired', code);
  if (typeof code === 'string' && code.startsWith('OAUTH_'))
    return new SsoError('token_invalid', code);
  if (oidc && error instanceof oidc.ResponseBodyError)
    return new SsoError('provider_error', error.error);
  return new SsoError('provider_unavailable', (error as Error).message);
}

/**
 * The relying party for one provider (openid-client): discovery once (retried after a failure),
 * authorization code with PKCE (S256), state and nonce; the ID token's signature, issuer,
 * audience, expiry and nonce are checked on every callback.
 */
export function createSsoClient(provider: SsoProviderConfig) {
  let configuration: Promise<Oidc.Configuration> | undefined;
  const insecure = provider.issuer.startsWith('http://');

  function configured() {
    configuration ??= loadOidc()
      .then((oidc) =>
        oidc.discovery(
          new URL(provider.issuer),
          provider.clientId,
          undefined,
          oidc.ClientSecretPost(provider.clientSecret),
          {
            // An http:// issuer is a test or development provider on this machine.
            execute: [
              ...(insecure ? [oidc.allowInsecureRequests] : []),
              oidc.enableNonRepudiationChecks,
            ],
            timeout: 10,
          },
        ),
      )
      .catch((error: unknown) => {
        configuration = undefined;
        throw error;
      });
    return configuration;
  }

  return {
    provider,

    /** Where to send the browser, and the checks to keep until it comes back. */
    async start(redirectUri: string): Promise<{ url: string; checks: SsoChecks }> {
      const config = await configured().catch((error: unknown) => {
        throw failureOf(error);
      });
      const oidc = await loadOidc();
      const checks = {
        state: oidc.randomState(),
        nonce: oidc.randomNonce(),
        verifier: oidc.randomPKCECodeVerifier(),
        redirectUri,
      };
      const url = oidc.buildAuthorizationUrl(config, {
        redirect_uri: redirectUri,
        scope: 'openid email profile',
        response_type: 'code',
        code_challenge: await oidc.calculatePKCECodeChallenge(checks.verifier),
        code_challenge_method: 'S256',
        state: checks.state,
        nonce: checks.nonce,
      });
      return { url: url.href, checks };
    },

    /** Trades the callback's code for tokens and returns the ID token's verified claims. */
    async finish(query: URLSearchParams, checks: SsoChecks): Promise<SsoClaims> {
      try {
        const config = await configured();
        const oidc = await loadOidc();
        const current = new URL(checks.redirectUri);
        current.search = query.toString();
        const tokens = await oidc.authorizationCodeGrant(config, current, {
          pkceCodeVerifier: checks.verifier,
          expectedState: checks.state,
          expectedNonce: checks.nonce,
          idTokenExpected: true,
        });
        const claims = tokens.claims();
        if (!claims) throw new SsoError('token_invalid', 'no id_token');
        return {
          subject: claims.sub,
          email: typeof claims.email === 'string' ? claims.email : undefined,
          emailVerified: claims.email_verified === true,
          name: typeof claims.name === 'string' ? claims.name : undefined,
        };
      } catch (error) {
        throw error instanceof SsoError ? error : failureOf(error);
      }
    },
  };
}

export type SsoClient = ReturnType<typeof createSsoClient>;
