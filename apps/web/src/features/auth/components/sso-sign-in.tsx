import { useSearch } from '@tanstack/react-router';
import type { SsoErrorCode } from '@taskflow/contract';
import { FormAlert } from '../../../components/form-alert.tsx';
import { useSsoProviders } from '../api/get-sso-providers.ts';

/** What the sign-in page says when single sign-on came back without signing in. */
const ssoErrorMessages: Record<SsoErrorCode, string> = {
  state_invalid:
    'That sign-in link has expired or was opened in another browser. Start single sign-on again.',
  denied: 'Single sign-on was cancelled at the provider.',
  provider_error: 'The sign-in provider reported an error. Try again later.',
  token_invalid: 'The sign-in provider’s answer could not be verified. Start single sign-on again.',
  token_expired: 'The sign-in took too long and has expired. Start single sign-on again.',
  email_unverified:
    'Your email address is not verified at the sign-in provider. Verify it there, then try again.',
  domain_not_allowed: 'Accounts of your email domain cannot sign in with this provider.',
  account_disabled: 'This account is disabled.',
  provider_unavailable: 'The sign-in provider cannot be reached right now. Try again later.',
};

/**
 * "Sign in with <provider>" links (full page loads: the API redirects to the provider), and the
 * reason when the provider sent the browser back without a session. Nothing when no provider is
 * configured.
 */
export function SsoSignIn() {
  const providers = useSsoProviders();
  const { sso_error: error } = useSearch({ strict: false }) as { sso_error?: SsoErrorCode };
  const items = providers.data?.items ?? [];
  // The code comes from the address bar: only a code of ours has a message.
  const message = error && Object.hasOwn(ssoErrorMessages, error) ? ssoErrorMessages[error] : null;
  return (
    <>
      {message && <FormAlert testId="sso-error">{message}</FormAlert>}
      {items.length > 0 && (
        <div className="space-y-2" data-testid="sso-providers">
          <p className="text-center text-sm text-slate-600 dark:text-slate-400">or</p>
          {items.map((provider) => (
            <a
              key={provider.id}
              href={`/api/v1/auth/sso/${encodeURIComponent(provider.id)}/start`}
              className="block w-full rounded-md border border-slate-300 bg-white px-4 py-2 text-center text-sm font-medium text-slate-900 hover:bg-slate-100 dark:border-slate-600 dark:bg-slate-900 dark:text-slate-100 dark:hover:bg-slate-800"
            >
              Sign in with {provider.name}
            </a>
          ))}
        </div>
      )}
    </>
  );
}
