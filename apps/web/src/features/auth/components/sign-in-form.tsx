import { zodResolver } from '@hookform/resolvers/zod';
import { SignInBody } from '@taskflow/contract';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { ApiError } from '../../../api/api-error.ts';
import { Button } from '../../../components/button.tsx';
import { FormAlert } from '../../../components/form-alert.tsx';
import { TextField } from '../../../components/text-field.tsx';
import { TextLink } from '../../../components/text-link.tsx';
import { applyServerErrors, parseOptions } from '../../../lib/form.ts';
import { useSignIn } from '../api/sign-in.ts';
import { AuthCard } from './auth-card.tsx';
import { ResendVerification } from './resend-verification.tsx';

export function SignInForm({ onSignedIn }: { onSignedIn: () => void }) {
  const signIn = useSignIn();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm({ resolver: zodResolver(SignInBody, parseOptions) });
  const { errors, isSubmitting } = form.formState;
  const unverified = signIn.error instanceof ApiError && signIn.error.code === 'EMAIL_NOT_VERIFIED';

  const onSubmit = form.handleSubmit(async (body) => {
    setFormError(null);
    await signIn.mutateAsync(body).then(onSignedIn, (error: unknown) => {
      setFormError(applyServerErrors(error, form.setError, ['email', 'password']));
    });
  });

  return (
    <AuthCard title="Sign in" testId="sign-in">
      <form noValidate onSubmit={onSubmit} className="space-y-4" data-testid="sign-in-form">
        {formError && <FormAlert testId="sign-in-error">{formError}</FormAlert>}
        {unverified && <ResendVerification email={form.getValues('email')} />}
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
          autoComplete="current-password"
          error={errors.password?.message}
          {...form.register('password')}
        />
        <Button type="submit" className="w-full" disabled={isSubmitting}>
          {isSubmitting ? 'Signing in…' : 'Sign in'}
        </Button>
      </form>
      <div className="flex justify-between text-sm">
        <TextLink to="/register">Create an account</TextLink>
        <TextLink to="/forgot-password">Forgot password?</TextLink>
      </div>
    </AuthCard>
  );
}
