import type { Passkey } from '@taskflow/contract';
import { useState } from 'react';
import { Button } from '../../../components/button.tsx';
import { useRemovePasskey } from '../api/remove-passkey.ts';
import { ConfirmPasswordForm } from './confirm-password-form.tsx';
import { RenamePasskeyForm } from './passkey-form.tsx';

const dateTime = (iso: string) =>
  new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const day = (iso: string) => new Date(iso).toLocaleDateString(undefined, { dateStyle: 'medium' });

/** One passkey: where it lives, when it was added and last used; renamed or removed in place. */
export function PasskeyRow({ passkey }: { passkey: Passkey }) {
  const [step, setStep] = useState<'idle' | 'rename' | 'remove'>('idle');
  const remove = useRemovePasskey();
  const idle = () => setStep('idle');

  return (
    <li className="space-y-3 py-3" data-testid="passkey-item">
      {step === 'rename' ? (
        <RenamePasskeyForm id={passkey.id} name={passkey.name} onDone={idle} />
      ) : (
        <div className="flex flex-wrap items-start justify-between gap-3">
          <div className="min-w-0 space-y-1 text-sm">
            <p className="font-medium break-words" data-testid="passkey-name">
              {passkey.name}
            </p>
            <p className="text-slate-600 dark:text-slate-400">
              {passkey.backedUp ? 'Synced' : 'On one device'} · added{' '}
              <time dateTime={passkey.createdAt}>{day(passkey.createdAt)}</time>
            </p>
            <p className="text-slate-600 dark:text-slate-400" data-testid="passkey-last-used">
              {passkey.lastUsedAt ? (
                <>
                  Last used{' '}
                  <time dateTime={passkey.lastUsedAt}>{dateTime(passkey.lastUsedAt)}</time>
                </>
              ) : (
                'Never used'
              )}
            </p>
          </div>
          {step === 'idle' && (
            <div className="flex gap-2">
              <Button
                variant="secondary"
                size="sm"
                onClick={() => setStep('rename')}
                aria-label={`Rename the passkey ${passkey.name}`}
              >
                Rename
              </Button>
              <Button
                variant="secondary"
                size="sm"
                onClick={() => setStep('remove')}
                aria-label={`Remove the passkey ${passkey.name}`}
              >
                Remove
              </Button>
            </div>
          )}
        </div>
      )}
      {step === 'remove' && (
        <ConfirmPasswordForm
          prompt={`Enter your password to remove “${passkey.name}”: it will no longer sign you in.`}
          confirmLabel="Remove passkey"
          testId="passkey-remove-form"
          onConfirm={(password) => remove.mutateAsync({ id: passkey.id, password })}
          onCancel={idle}
        />
      )}
    </li>
  );
}
