import type { AccessToken } from '@taskflow/contract';
import { Button } from '../../../components/button.tsx';

const dateTime = (iso: string) =>
  new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const day = (iso: string) => new Date(iso).toLocaleDateString(undefined, { dateStyle: 'medium' });

const scopeNames = { read: 'Read only', read_write: 'Read and write' } as const;

/** One token: what it may do, when it ends, when it was last used; revoked after a confirmation. */
export function AccessTokenRow({
  token,
  confirming,
  busy,
  onRevoke,
  onConfirm,
  onCancel,
}: {
  token: AccessToken;
  confirming: boolean;
  busy: boolean;
  onRevoke: () => void;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  return (
    <li className="space-y-3 py-3" data-testid="access-token-item">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-0 space-y-1 text-sm">
          <p className="font-medium break-words">
            <span data-testid="access-token-name">{token.name}</span>{' '}
            <span className="font-mono text-xs text-slate-600 dark:text-slate-400">
              tf_pat_…{token.lastFour}
            </span>
          </p>
          <p className="text-slate-600 dark:text-slate-400">
            {scopeNames[token.scope]} · expires{' '}
            <time dateTime={token.expiresAt}>{day(token.expiresAt)}</time> · created{' '}
            <time dateTime={token.createdAt}>{day(token.createdAt)}</time>
          </p>
          <p className="text-slate-600 dark:text-slate-400" data-testid="access-token-last-used">
            {token.lastUsedAt ? (
              <>
                Last used <time dateTime={token.lastUsedAt}>{dateTime(token.lastUsedAt)}</time> from{' '}
                {token.lastUsedIp ?? 'an unknown address'}
              </>
            ) : (
              'Never used'
            )}
          </p>
        </div>
        {!confirming && (
          <Button
            variant="secondary"
            size="sm"
            onClick={onRevoke}
            aria-label={`Revoke the token ${token.name}`}
            data-testid="access-token-revoke"
          >
            Revoke
          </Button>
        )}
      </div>
      {confirming && (
        <div className="flex flex-wrap items-center gap-3" data-testid="access-token-confirm">
          <p className="text-sm">Scripts using “{token.name}” stop working at once.</p>
          <Button variant="danger" size="sm" onClick={onConfirm} disabled={busy}>
            {busy ? 'Revoking…' : 'Revoke token'}
          </Button>
          <Button variant="secondary" size="sm" onClick={onCancel}>
            Cancel
          </Button>
        </div>
      )}
    </li>
  );
}
