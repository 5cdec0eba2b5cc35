import { createFileRoute } from '@tanstack/react-router';
import {
  currentUserQueryOptions,
  useCurrentUser,
} from '../../features/account/api/get-current-user.ts';
import { sessionsQueryOptions } from '../../features/account/api/get-sessions.ts';
import { ssoIdentitiesQueryOptions } from '../../features/account/api/sso-identities.ts';
import { AccessTokensCard } from '../../features/account/components/access-tokens-card.tsx';
import { PasskeysCard } from '../../features/account/components/passkeys-card.tsx';
import { PasswordForm } from '../../features/account/components/password-form.tsx';
import { ProfileForm } from '../../features/account/components/profile-form.tsx';
import { SessionsCard } from '../../features/account/components/sessions-card.tsx';
import { SsoIdentitiesCard } from '../../features/account/components/sso-identities-card.tsx';
import { TwoFactorCard } from '../../features/account/components/two-factor-card.tsx';
import { useSignOut } from '../../features/auth/api/sign-out.ts';
import { sessionStore } from '../../features/auth/session/session-store.ts';
import { notificationSettingsQueryOptions } from '../../features/notifications/api/notification-settings.ts';
import { MailSettingsCard } from '../../features/notifications/components/mail-settings-card.tsx';

export const Route = createFileRoute('/_authenticated/account')({
  loader: ({ context: { queryClient } }) => {
    void queryClient.prefetchQuery(sessionsQueryOptions);
    void queryClient.prefetchQuery(ssoIdentitiesQueryOptions);
    void queryClient.prefetchQuery(notificationSettingsQueryOptions);
    return queryClient.ensureQueryData(currentUserQueryOptions);
  },
  component: AccountPage,
});

/** Composes the account feature with the session it belongs to (features do not import each other). */
function AccountPage() {
  const { data: user } = useCurrentUser();
  const signOut = useSignOut();

  return (
    <section aria-labelledby="account-title" className="space-y-6" data-testid="account-page">
      <h1 id="account-title" className="text-2xl font-semibold">
        Account
      </h1>
      <ProfileForm user={user} onSaved={sessionStore.userUpdated} />
      <PasswordForm />
      <TwoFactorCard />
      <PasskeysCard />
      <SsoIdentitiesCard />
      <MailSettingsCard />
      <SessionsCard onSignedOutEverywhere={() => signOut.mutate()} />
      <AccessTokensCard />
    </section>
  );
}
