import { SignInBody } from '@taskflow/contract';
import type { components } from '@taskflow/contract/openapi';
import { useState } from 'react';
import { ApiError } from '../../../api/api-error.ts';
import { FormAlert } from '../../../components/form-alert.tsx';
import { SubmitButton, SubmitForm } from '../../../components/submit-form.tsx';
import { TextField } from '../../../components/text-field.tsx';
import { TextLink } from '../../../components/text-link.tsx';
import { useSubmitForm } from '../../../lib/use-submit-form.ts';
import { useSignIn } from '../api/sign-in.ts';
import { AuthCard } from './auth-card.tsx';
import { PasskeySignIn } from './passkey-sign-in.tsx';
import { ResendVerification } from './resend-verification.tsx';
import { SsoSignIn } from './sso-sign-in.tsx';
import { TwoFactorStep } from './two-factor-step.tsx';

type TwoFactorChallenge = components['schemas']['TwoFactorChallenge'];

/** `ended`: the session of this tab ended elsewhere (revoked on another device, or expired). */
export function SignInForm({
  onSignedIn,
  ended = false,
}: {
  onSignedIn: () => void;
  ended?: boolean;
}) {
  const signIn = useSignIn();
  // Set when the password was right and the account asks for a second factor.
  const [challenge, setChallenge] = useState<TwoFactorChallenge | null>(null);
  const submit = useSubmitForm(SignInBody, {
    fields: ['email', 'password'],
    send: (body) => signIn.mutateAsync(body),
    onSuccess: (result) => ('challenge' in result ? setChallenge(result) : onSignedIn()),
  });
  const unverified = signIn.error instanceof ApiError && signIn.error.code === 'EMAIL_NOT_VERIFIED';

  return (
    <AuthCard title="Sign in" testId="sign-in">
      {ended && (
        <FormAlert tone="success" testId="session-ended">
          Your session was ended — signed out on another device, or it expired. Sign in again to
          continue.
        </FormAlert>
      )}
      {challenge ? (
        <TwoFactorStep
          challenge={challenge.challenge}
          passkey={challenge.passkey}
          onSignedIn={onSignedIn}
          onRestart={() => {
            setChallenge(null);
            submit.form.resetField('password');
          }}
        />
      ) : (
        <SubmitForm submit={submit} name="sign-in">
          {unverified && <ResendVerification email={submit.form.getValues('email')} />}
          <TextField label="Email" type="email" autoComplete="email" {...submit.field('email')} />
          <TextField
            label="Password"
            type="password"
            autoComplete="current-password"
            {...submit.field('password')}
          />
          <SubmitButton busy={submit.isSubmitting} busyLabel="Signing in…" className="w-full">
            Sign in
          </SubmitButton>
        </SubmitForm>
      )}
      {!challenge && <PasskeySignIn onSignedIn={onSignedIn} />}
      {!challenge && <SsoSignIn />}
      <div className="flex justify-between text-sm">
        <TextLink to="/register">Create an account</TextLink>
        <TextLink to="/forgot-password">Forgot password?</TextLink>
      </div>
    </AuthCard>
  );
}
