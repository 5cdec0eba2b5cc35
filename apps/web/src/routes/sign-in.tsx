import { createFileRoute, useRouter } from '@tanstack/react-router';
import { SsoErrorCode } from '@taskflow/contract';
import { SignInForm } from '../features/auth/components/sign-in-form.tsx';
import { safeRedirect } from '../lib/search-params.ts';

export const Route = createFileRoute('/sign-in')({
  validateSearch: (
    search: Record<string, unknown>,
  ): { redirect?: string; ended?: true; sso_error?: SsoErrorCode } => {
    const redirect = safeRedirect(search.redirect);
    const ssoError = SsoErrorCode.safeParse(search.sso_error);
    return {
      ...(ssoError.success ? { sso_error: ssoError.data } : {}),
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
