import type { CreatedAccessToken } from '@taskflow/contract';
import { useState } from 'react';
import { humanMessage } from '../../../api/error-message.ts';
import { Button } from '../../../components/button.tsx';
import { FormAlert } from '../../../components/form-alert.tsx';
import { Skeleton } from '../../../components/skeleton.tsx';
import { useAccessTokens } from '../api/get-access-tokens.ts';
import { useRevokeAccessToken } from '../api/revoke-access-token.ts';
import { AccessTokenForm } from './access-token-form.tsx';
import { AccessTokenRow } from './access-token-row.tsx';
import { AccountCard } from './account-card.tsx';
import { NewAccessToken } from './new-access-token.tsx';

/** Personal access tokens for scripts: made here, shown once, listed and revoked. */
export function AccessTokensCard() {
  const tokens = useAccessTokens();
  const revoke = useRevokeAccessToken();
  const [created, setCreated] = useState<CreatedAccessToken | null>(null);
  const [confirming, setConfirming] = useState<string | null>(null);

  return (
    <AccountCard
      title="Personal access tokens"
      testId="access-tokens"
      description="Tokens let scripts use the API as you (Authorization: Bearer tf_pat_…). They never reach administration or your account settings, and changing your password revokes them all."
    >
      {created ? (
        <NewAccessToken token={created} onDone={() => setCreated(null)} />
      ) : (
        <AccessTokenForm onCreated={setCreated} />
      )}
      {revoke.isError && (
        <FormAlert testId="access-token-revoke-error">{humanMessage(revoke.error)}</FormAlert>
      )}
      {tokens.isPending && (
        <Skeleton label="Loading your tokens…" rows={2} testId="access-tokens-loading" />
      )}
      {tokens.isError && (
        <div className="space-y-2">
          <FormAlert testId="access-tokens-error">{humanMessage(tokens.error)}</FormAlert>
          <Button onClick={() => void tokens.refetch()}>Retry</Button>
        </div>
      )}
      {tokens.isSuccess &&
        (tokens.data.items.length === 0 ? (
          <p
            className="text-sm text-slate-600 dark:text-slate-400"
            data-testid="access-tokens-empty"
          >
            You have no tokens.
          </p>
        ) : (
          <ul
            className="divide-y divide-slate-200 dark:divide-slate-800"
            aria-label="Your personal access tokens"
            data-testid="access-token-list"
          >
            {tokens.data.items.map((token) => (
              <AccessTokenRow
                key={token.id}
                token={token}
                confirming={confirming === token.id}
                busy={revoke.isPending}
                onRevoke={() => setConfirming(token.id)}
                onCancel={() => setConfirming(null)}
                onConfirm={() => revoke.mutate(token.id, { onSettled: () => setConfirming(null) })}
              />
            ))}
          </ul>
        ))}
    </AccountCard>
  );
}
