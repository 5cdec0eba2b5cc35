import { z } from 'zod';
import { PresentedPassword } from './auth.ts';
import { requestBody } from './named.ts';
import { listOf } from './pagination.ts';
import { TwoFactorCode } from './two-factor.ts';

/** A provider id as configured (`OIDC_PROVIDERS`): lower-case letters and digits. */
export const SsoProviderId = z
  .string()
  .regex(/^[a-z][a-z0-9]{0,30}$/)
  .max(31);

export const SsoProviderParams = z.object({ provider: SsoProviderId });

export const SsoProvider = z
  .object({
    id: SsoProviderId,
    name: z.string().max(60).describe('The button label: "Sign in with <name>"'),
  })
  .meta({ id: 'SsoProvider' });
export type SsoProvider = z.infer<typeof SsoProvider>;

export const SsoProviderList = listOf(SsoProvider, 50).meta({ id: 'SsoProviderList' });

/** What the provider sends back to the callback (RFC 6749 §4.1.2, RFC 9207 `iss`). */
export const SsoCallbackQuery = z.object({
  code: z.string().max(2048).optional(),
  state: z.string().max(512).optional(),
  iss: z.string().max(2048).optional(),
  error: z.string().max(256).optional(),
  error_description: z.string().max(1024).optional(),
  session_state: z.string().max(1024).optional(),
});

/**
 * Why single sign-on did not sign the browser in: the callback redirects to
 * `/sign-in?sso_error=<code>`, and the sign-in page explains it.
 */
export const SsoErrorCode = z.enum([
  'state_invalid',
  'denied',
  'provider_error',
  'token_invalid',
  'token_expired',
  'email_unverified',
  'domain_not_allowed',
  'account_disabled',
  'provider_unavailable',
]);
export type SsoErrorCode = z.infer<typeof SsoErrorCode>;

export const SsoLinkBody = requestBody('SsoLinkBody', {
  linkToken: z.string().min(16).max(200),
  password: PresentedPassword,
  code: TwoFactorCode.optional().describe(
    'A code of the authenticator app or a recovery code: required when the account has two-factor sign-in on',
  ),
});
export type SsoLinkBody = z.input<typeof SsoLinkBody>;

export const SsoIdentity = z
  .object({
    id: z.uuid(),
    provider: SsoProviderId,
    providerName: z.string().max(60),
    email: z.string().max(254),
    createdAt: z.iso.datetime(),
    lastUsedAt: z.iso.datetime().nullable(),
  })
  .meta({ id: 'SsoIdentity' });
export type SsoIdentity = z.infer<typeof SsoIdentity>;

export const SsoIdentityList = listOf(SsoIdentity, 50).meta({ id: 'SsoIdentityList' });

export const SsoIdentityParams = z.object({ id: z.uuid() });
