import { RegisterBody } from '@taskflow/contract';
import { SubmitButton, SubmitForm } from '../../../components/submit-form.tsx';
import { NewPasswordField, TextField } from '../../../components/text-field.tsx';
import { useSubmitForm } from '../../../lib/use-submit-form.ts';

export type SignUpValues = { email: string; name: string; password: string };

/** A new person creates their account from the invitation; the page then signs them in and joins. */
export function JoinSignUpForm({
  email,
  signUp,
}: {
  /** The invited address, for an email invitation. */
  email: string | null;
  signUp: (values: SignUpValues) => Promise<unknown>;
}) {
  const submit = useSubmitForm(RegisterBody, {
    defaultValues: { email: email ?? '', name: '', password: '' },
    fields: ['email', 'name', 'password'],
    send: (body) => signUp(body),
  });
  return (
    <SubmitForm
      submit={submit}
      name="join-sign-up"
      intro={<h2 className="font-medium">New to TaskFlow? Create your account</h2>}
    >
      <TextField label="Name" autoComplete="name" {...submit.field('name')} />
      <TextField label="Email" type="email" autoComplete="email" {...submit.field('email')} />
      <NewPasswordField label="Password" {...submit.field('password')} />
      <SubmitButton
        busy={submit.isSubmitting}
        busyLabel="Creating your account…"
        className="w-full"
      >
        Create account and join
      </SubmitButton>
    </SubmitForm>
  );
}
