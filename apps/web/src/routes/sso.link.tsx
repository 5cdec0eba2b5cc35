import { createFileRoute, useRouter } from '@tanstack/react-router';
import { SsoLinkForm } from '../features/auth/components/sso-link-form.tsx';
import { tokenSearch } from '../lib/search-params.ts';

export const Route = createFileRoute('/sso/link')({
  validateSearch: tokenSearch,
  component: SsoLinkPage,
});

function SsoLinkPage() {
  const { token } = Route.useSearch();
  const router = useRouter();
  async function onSignedIn() {
    await router.invalidate();
    await router.navigate({ href: '/w', replace: true });
  }
  return <SsoLinkForm token={token} onSignedIn={() => void onSignedIn()} />;
}
