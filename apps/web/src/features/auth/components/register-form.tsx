import { zodResolver } from '@hookform/resolvers/zod';
import { RegisterBody } from '@taskflow/contract';
import { useForm } from 'react-hook-form';
import { SubmitButton, SubmitForm } from '../../../components/submit-form.tsx';
import { TextField } from '../../../components/text-field.tsx';
import { TextLink } from '../../../components/text-link.tsx';
import { NEW_PASSWORD_HINT, parseOptions } from '../../../lib/form.ts';
import { useSubmitForm } from '../../../lib/use-submit-form.ts';
import { useRegister } from '../api/register.ts';
import { AuthCard } from './auth-card.tsx';
import { CheckInbox } from './check-inbox.tsx';
import { ResendVerification } from './resend-verification.tsx';

export function RegisterForm() {
  const register = useRegister();
  const form = useForm({ resolver: zodResolver(RegisterBody, parseOptions) });
  const { onSubmit, formError, field, isSubmitting } = useSubmitForm(form, {
    fields: ['email', 'name', 'password'],
    send: (body) => register.mutateAsync(body),
  });

  if (register.isSuccess) {
    const email = register.variables.email;
    return (
      <CheckInbox testId="register-done" message={register.data.message} email={email}>
        <p>Follow the link in the mail to verify your address, then sign in.</p>
        <ResendVerification email={email} />
      </CheckInbox>
    );
  }

  return (
    <AuthCard title="Create an account" testId="register">
      <SubmitForm
        onSubmit={onSubmit}
        error={formError}
        errorTestId="register-error"
        testId="register-form"
      >
        <TextField label="Name" autoComplete="name" {...field('name')} />
        <TextField label="Email" type="email" autoComplete="email" {...field('email')} />
        <TextField
          label="Password"
          type="password"
          autoComplete="new-password"
          hint={NEW_PASSWORD_HINT}
          {...field('password')}
        />
        <SubmitButton busy={isSubmitting} busyLabel="Creating your account…" className="w-full">
          Create account
        </SubmitButton>
      </SubmitForm>
      <p className="text-sm">
        Already have an account? <TextLink to="/sign-in">Sign in</TextLink>
      </p>
    </AuthCard>
  );
}
