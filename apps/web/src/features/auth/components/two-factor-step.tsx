import { TwoFactorSignInBody } from '@taskflow/contract';
import { useState } from 'react';
import { ApiError } from '../../../api/api-error.ts';
import { humanMessage } from '../../../api/error-message.ts';
import { Button } from '../../../components/button.tsx';
import { FormAlert } from '../../../components/form-alert.tsx';
import { SubmitButton, SubmitForm } from '../../../components/submit-form.tsx';
import { TextField } from '../../../components/text-field.tsx';
import { useSubmitForm } from '../../../lib/use-submit-form.ts';
import { useSignInWithPasskeyFactor } from '../api/passkey-sign-in.ts';
import { useSignInWithCode } from '../api/sign-in.ts';

/**
 * The second step of sign-in for an account with two-factor sign-in on: the code from the
 * authenticator app, or one of the recovery codes. An expired challenge sends back to the password.
 */
export function TwoFactorStep({
  challenge,
  passkey = false,
  onSignedIn,
  onRestart,
}: {
  challenge: string;
  /** The account has a passkey: it can pass this step instead of a code. */
  passkey?: boolean;
  onSignedIn: () => void;
  onRestart: () => void;
}) {
  const [recovery, setRecovery] = useState(false);
  const signIn = useSignInWithCode();
  const withPasskey = useSignInWithPasskeyFactor();
  const submit = useSubmitForm(TwoFactorSignInBody, {
    defaultValues: { challenge, code: '' },
    fields: ['code'],
    send: (body) => signIn.mutateAsync(body),
    onSuccess: onSignedIn,
    fieldError: (error) =>
      error instanceof ApiError && error.code === 'TWO_FACTOR_CODE_INVALID'
        ? { field: 'code', message: error.problem?.detail ?? 'The code is not correct' }
        : undefined,
  });
  const expired = [signIn.error, withPasskey.error].some(
    (error) => error instanceof ApiError && error.code === 'TWO_FACTOR_CHALLENGE_EXPIRED',
  );

  return (
    <SubmitForm
      submit={submit}
      name="two-factor"
      intro={
        <p className="text-sm text-slate-600 dark:text-slate-400">
          {recovery
            ? 'Enter one of the recovery codes you saved when you turned on two-factor sign-in. Each works once.'
            : 'Enter the 6-digit code from your authenticator app.'}
        </p>
      }
    >
      {recovery ? (
        <TextField
          key="recovery"
          label="Recovery code"
          autoComplete="off"
          autoCapitalize="none"
          spellCheck={false}
          {...submit.field('code')}
        />
      ) : (
        <TextField
          key="totp"
          label="Authentication code"
          inputMode="numeric"
          autoComplete="one-time-code"
          maxLength={7}
          {...submit.field('code')}
        />
      )}
      <SubmitButton busy={submit.isSubmitting} busyLabel="Checking…" className="w-full">
        Verify
      </SubmitButton>
      {passkey && (
        <div className="space-y-2">
          {withPasskey.isError && (
            <FormAlert testId="two-factor-passkey-error">
              {humanMessage(withPasskey.error)}
            </FormAlert>
          )}
          <Button
            variant="secondary"
            className="w-full"
            disabled={withPasskey.isPending}
            onClick={() => withPasskey.mutate(challenge, { onSuccess: onSignedIn })}
          >
            {withPasskey.isPending ? 'Waiting for the passkey…' : 'Use a passkey'}
          </Button>
        </div>
      )}
      <div className="flex flex-wrap justify-between gap-2 text-sm">
        <Button
          variant="secondary"
          size="sm"
          onClick={() => {
            setRecovery((r) => !r);
            submit.form.setValue('code', '');
            submit.form.clearErrors();
          }}
        >
          {recovery ? 'Use the authenticator app' : 'Use a recovery code'}
        </Button>
        {expired && (
          <Button variant="secondary" size="sm" onClick={onRestart}>
            Start again
          </Button>
        )}
      </div>
    </SubmitForm>
  );
}
