import { createFileRoute, useRouter } from '@tanstack/react-router';
import type { SsoErrorCode } from '@taskflow/contract';
import { SignInForm } from '../features/auth/components/sign-in-form.tsx';
import { safeRedirect } from '../lib/search-params.ts';

export const Route = createFileRoute('/sign-in')({
  validateSearch: (
    search: Record<string, unknown>,
  ): { redirect?: string; ended?: true; sso_error?: SsoErrorCode } => {
    const redirect = safeRedirect(search.redirect);
    // Checked by shape, not with the contract's zod schema: this route's definition is in the
    // first download, which stays free of zod; an unknown code shows no message.
    const ssoError = search.sso_error;
    const known = typeof ssoError === 'string' && /^[a-z_]{1,40}$/.test(ssoError);
    return {
      ...(known ? { sso_error: ssoError as SsoErrorCode } : {}),
      ...(redirect ? { redirect } : {}),
      ...(search.ended === true || search.ended === 'true' ? { ended: true as const } : {}),
    };
  },
  component: SignInPage,
});

function SignInPage() {
  const { redirect, ended } = Route.useSearch();
  const router = useRouter();

  async function onSignedIn() {
    // Route guards read the session: re-run them before going back where the person was headed.
    await router.invalidate();
    // Without a page to return to, the board is where work starts.
    await router.navigate({ href: redirect ?? '/w', replace: true });
  }

  return <SignInForm ended={ended === true} onSignedIn={() => void onSignedIn()} />;
}
