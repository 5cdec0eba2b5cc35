import type { CreatedAccessToken } from '@taskflow/contract';
import { useState } from 'react';
import { Button } from '../../../components/button.tsx';

/** The secret of a token just made: shown this once, with a way to copy it. */
export function NewAccessToken({
  token,
  onDone,
}: {
  token: CreatedAccessToken;
  onDone: () => void;
}) {
  const [copied, setCopied] = useState<'copied' | 'failed' | null>(null);

  async function copy() {
    try {
      await navigator.clipboard.writeText(token.token);
      setCopied('copied');
    } catch {
      setCopied('failed');
    }
  }

  return (
    <div
      className="space-y-3 rounded-md border border-emerald-300 bg-emerald-50 p-4 dark:border-emerald-800 dark:bg-emerald-950"
      data-testid="new-access-token"
    >
      <p className="text-sm font-medium">
        Copy your token “{token.name}” now: it will not be shown again.
      </p>
      <input
        readOnly
        aria-label={`The token ${token.name}`}
        value={token.token}
        onFocus={(event) => event.currentTarget.select()}
        className="block w-full rounded-md border border-slate-300 bg-white px-3 py-2 font-mono text-xs dark:border-slate-600 dark:bg-slate-900"
        data-testid="new-access-token-value"
      />
      <div className="flex flex-wrap items-center gap-3">
        <Button variant="secondary" size="sm" onClick={() => void copy()}>
          Copy token
        </Button>
        <Button variant="secondary" size="sm" onClick={onDone}>
          Done
        </Button>
        <span role="status" aria-live="polite" className="text-sm">
          {copied === 'copied' && 'Copied'}
          {copied === 'failed' && 'Could not copy: select the token and copy it yourself'}
        </span>
      </div>
    </div>
  );
}
