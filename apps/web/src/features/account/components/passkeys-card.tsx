import { useState } from 'react';
import { humanMessage } from '../../../api/error-message.ts';
import { Button } from '../../../components/button.tsx';
import { FormAlert } from '../../../components/form-alert.tsx';
import { Skeleton } from '../../../components/skeleton.tsx';
import { usePasskeys } from '../api/get-passkeys.ts';
import { AccountCard } from './account-card.tsx';
import { NewPasskeyForm } from './passkey-form.tsx';
import { PasskeyRow } from './passkey-row.tsx';

/** Passkeys: added with a name, listed with their last use, renamed and removed. */
export function PasskeysCard() {
  const passkeys = usePasskeys();
  const [adding, setAdding] = useState(false);

  return (
    <div id="passkeys">
      <AccountCard
        title="Passkeys"
        testId="passkeys"
        description="Sign in with your fingerprint, face or device PIN instead of a password. A passkey also passes the two-factor step."
      >
        {adding ? (
          <NewPasskeyForm onDone={() => setAdding(false)} />
        ) : (
          <Button onClick={() => setAdding(true)}>Add a passkey</Button>
        )}
        {passkeys.isPending && (
          <Skeleton label="Loading your passkeys…" rows={1} testId="passkeys-loading" />
        )}
        {passkeys.isError && (
          <div className="space-y-2">
            <FormAlert testId="passkeys-error">{humanMessage(passkeys.error)}</FormAlert>
            <Button onClick={() => void passkeys.refetch()}>Retry</Button>
          </div>
        )}
        {passkeys.isSuccess &&
          (passkeys.data.items.length === 0 ? (
            <p className="text-sm text-slate-600 dark:text-slate-400" data-testid="passkeys-empty">
              You have no passkeys.
            </p>
          ) : (
            <ul
              className="divide-y divide-slate-200 dark:divide-slate-800"
              aria-label="Your passkeys"
              data-testid="passkey-list"
            >
              {passkeys.data.items.map((passkey) => (
                <PasskeyRow key={passkey.id} passkey={passkey} />
              ))}
            </ul>
          ))}
      </AccountCard>
    </div>
  );
}
