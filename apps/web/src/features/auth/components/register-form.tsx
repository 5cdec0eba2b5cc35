import { RegisterBody } from '@taskflow/contract';
import { SubmitButton, SubmitForm } from '../../../components/submit-form.tsx';
import { NewPasswordField, TextField } from '../../../components/text-field.tsx';
import { TextLink } from '../../../components/text-link.tsx';
import { useSubmitForm } from '../../../lib/use-submit-form.ts';
import { useRegister } from '../api/register.ts';
import { AuthCard } from './auth-card.tsx';
import { CheckInbox } from './check-inbox.tsx';
import { ResendVerification } from './resend-verification.tsx';

export function RegisterForm() {
  const register = useRegister();
  const submit = useSubmitForm(RegisterBody, {
    fields: ['email', 'name', 'password'],
    send: (body) => register.mutateAsync(body),
  });

  if (register.isSuccess) {
    const email = register.variables.email;
    return (
      <CheckInbox
        testId="register-done"
        message={
          <>
            We sent a link to <strong>{email}</strong>. Follow it to verify your address, then sign
            in.
          </>
        }
      >
        <ResendVerification email={email} />
      </CheckInbox>
    );
  }

  return (
    <AuthCard title="Create an account" testId="register">
      <SubmitForm submit={submit} name="register">
        <TextField label="Name" autoComplete="name" {...submit.field('name')} />
        <TextField label="Email" type="email" autoComplete="email" {...submit.field('email')} />
        <NewPasswordField label="Password" {...submit.field('password')} />
        <SubmitButton
          busy={submit.isSubmitting}
          busyLabel="Creating your account…"
          className="w-full"
        >
          Create account
        </SubmitButton>
      </SubmitForm>
      <p className="text-sm">
        Already have an account? <TextLink to="/sign-in">Sign in</TextLink>
      </p>
    </AuthCard>
  );
}
