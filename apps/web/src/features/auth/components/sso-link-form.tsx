import { SsoLinkBody } from '@taskflow/contract';
import { z } from 'zod';
import { FormAlert } from '../../../components/form-alert.tsx';
import { SubmitButton, SubmitForm } from '../../../components/submit-form.tsx';
import { TextField } from '../../../components/text-field.tsx';
import { TextLink } from '../../../components/text-link.tsx';
import { useSubmitForm } from '../../../lib/use-submit-form.ts';
import { useLinkSso } from '../api/link-sso.ts';
import { AuthCard } from './auth-card.tsx';

// The link token comes from the provider's redirect, not from the person; the code is asked of
// accounts with two-factor sign-in on (left empty otherwise; the server checks its form).
const PasswordOnly = SsoLinkBody.pick({ password: true }).extend({
  code: z.string().trim().max(64),
});

/**
 * An account with the provider's email address exists: its password proves that the person
 * signing in with the provider owns it, before the two are linked.
 */
export function SsoLinkForm({
  token,
  onSignedIn,
}: {
  token: string | undefined;
  onSignedIn: () => void;
}) {
  const link = useLinkSso();
  const submit = useSubmitForm(PasswordOnly, {
    defaultValues: { password: '', code: '' },
    fields: ['password', 'code'],
    send: ({ password, code }) =>
      token
        ? link.mutateAsync({ linkToken: token, password, ...(code ? { code } : {}) })
        : undefined,
    onSuccess: onSignedIn,
  });

  return (
    <AuthCard title="Link your account" testId="sso-link">
      {token ? (
        <>
          <p className="text-sm">
            An account with this email address already exists. Enter its password once to link it to
            your single sign-on; afterwards the provider alone signs you in.
          </p>
          <SubmitForm submit={submit} name="sso-link">
            <TextField
              label="Password"
              type="password"
              autoComplete="current-password"
              {...submit.field('password')}
            />
            <TextField
              label="Two-factor code (if turned on)"
              autoComplete="one-time-code"
              inputMode="text"
              {...submit.field('code')}
            />
            <SubmitButton busy={submit.isSubmitting} busyLabel="Linking…" className="w-full">
              Link and sign in
            </SubmitButton>
          </SubmitForm>
        </>
      ) : (
        <FormAlert testId="sso-link-error">
          This link is incomplete. Start single sign-on again from the sign-in page.
        </FormAlert>
      )}
      <div className="flex justify-between text-sm">
        <TextLink to="/sign-in">Back to sign in</TextLink>
        <TextLink to="/forgot-password">Forgot password?</TextLink>
      </div>
    </AuthCard>
  );
}
