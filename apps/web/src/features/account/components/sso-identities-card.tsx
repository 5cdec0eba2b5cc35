import { humanMessage } from '../../../api/error-message.ts';
import { FormAlert } from '../../../components/form-alert.tsx';
import { useSsoIdentities, useUnlinkSsoIdentity } from '../api/sso-identities.ts';
import { AccountCard } from './account-card.tsx';

const date = (iso: string) => new Date(iso).toLocaleDateString(undefined, { dateStyle: 'medium' });

/** The single sign-on identities linked to the account; nothing when there are none. */
export function SsoIdentitiesCard() {
  const identities = useSsoIdentities();
  const unlink = useUnlinkSsoIdentity();
  const items = identities.data?.items ?? [];
  if (items.length === 0) return null;

  return (
    <AccountCard
      title="Single sign-on"
      testId="sso-identities"
      description="Providers you can sign in with. Unlinking one keeps your account and data."
    >
      {unlink.isError && (
        <FormAlert testId="sso-unlink-error">{humanMessage(unlink.error)}</FormAlert>
      )}
      <ul className="divide-y divide-slate-200 dark:divide-slate-800">
        {items.map((identity) => (
          <li
            key={identity.id}
            className="flex flex-wrap items-center justify-between gap-3 py-3"
            data-testid="sso-identity"
          >
            <div className="min-w-0 text-sm">
              <p className="font-medium">{identity.providerName}</p>
              <p className="break-all text-slate-600 dark:text-slate-400">
                {identity.email} · linked{' '}
                <time dateTime={identity.createdAt}>{date(identity.createdAt)}</time>
              </p>
            </div>
            <button
              type="button"
              disabled={unlink.isPending}
              onClick={() => unlink.mutate(identity.id)}
              aria-label={`Unlink ${identity.providerName} (${identity.email})`}
              className="shrink-0 rounded-md border border-slate-300 px-3 py-1.5 text-sm hover:bg-slate-100 disabled:opacity-50 dark:border-slate-600 dark:hover:bg-slate-800"
            >
              Unlink
            </button>
          </li>
        ))}
      </ul>
    </AccountCard>
  );
}
