import { zodResolver } from '@hookform/resolvers/zod';
import { RegisterBody } from '@taskflow/contract';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { Button } from '../../../components/button.tsx';
import { FormAlert } from '../../../components/form-alert.tsx';
import { TextField } from '../../../components/text-field.tsx';
import { TextLink } from '../../../components/text-link.tsx';
import { applyServerErrors, parseOptions } from '../../../lib/form.ts';
import { useRegister } from '../api/register.ts';
import { AuthCard } from './auth-card.tsx';
import { CheckInbox } from './check-inbox.tsx';
import { ResendVerification } from './resend-verification.tsx';

export function RegisterForm() {
  const register = useRegister();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm({ resolver: zodResolver(RegisterBody, parseOptions) });
  const { errors, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async (body) => {
    setFormError(null);
    await register.mutateAsync(body).catch((error: unknown) => {
      setFormError(applyServerErrors(error, form.setError, ['email', 'name', 'password']));
    });
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
      <form noValidate onSubmit={onSubmit} className="space-y-4" data-testid="register-form">
        {formError && <FormAlert testId="register-error">{formError}</FormAlert>}
        <TextField
          label="Name"
          autoComplete="name"
          error={errors.name?.message}
          {...form.register('name')}
        />
        <TextField
          label="Email"
          type="email"
          autoComplete="email"
          error={errors.email?.message}
          {...form.register('email')}
        />
        <TextField
          label="Password"
          type="password"
          autoComplete="new-password"
          hint="At least 8 characters. Common passwords are refused."
          error={errors.password?.message}
          {...form.register('password')}
        />
        <Button type="submit" className="w-full" disabled={isSubmitting}>
          {isSubmitting ? 'Creating your account…' : 'Create account'}
        </Button>
      </form>
      <p className="text-sm">
        Already have an account? <TextLink to="/sign-in">Sign in</TextLink>
      </p>
    </AuthCard>
  );
}
