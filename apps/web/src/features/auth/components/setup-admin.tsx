import { SetupAccountBody } from '@taskflow/contract';
import type { z } from 'zod';
import { humanMessage } from '../../../api/error-message.ts';
import { Button } from '../../../components/button.tsx';
import { FormAlert } from '../../../components/form-alert.tsx';
import { SubmitButton, SubmitForm } from '../../../components/submit-form.tsx';
import { NewPasswordField, TextField } from '../../../components/text-field.tsx';
import { TextLink } from '../../../components/text-link.tsx';
import { useSubmitForm } from '../../../lib/use-submit-form.ts';
import { useCreateFirstAdmin, usePromoteToFirstAdmin, useSetupLink } from '../api/setup-admin.ts';
import { useSession } from '../session/auth-context.tsx';
import { refreshSession } from '../session/refresh-session.ts';
import { AuthCard } from './auth-card.tsx';

/** The account fields of the setup form: the token comes from the page's address. */
const AccountFields = SetupAccountBody.omit({ token: true });
type AccountInput = z.input<typeof AccountFields>;

/**
 * The page of the one-time setup link printed in the server's log: it makes the first
 * administrator, from a new account or from the visitor's own signed-in account, once.
 */
export function SetupAdmin({ token, onDone }: { token: string; onDone: () => void }) {
  const link = useSetupLink(token);
  const session = useSession();

  return (
    <AuthCard title="Set up TaskFlow" testId="setup">
      {link.isPending ? (
        <p role="status" aria-busy="true" className="text-sm">
          Checking the setup link…
        </p>
      ) : link.isError ? (
        <>
          <FormAlert testId="setup-error">{humanMessage(link.error)}</FormAlert>
          <TextLink to="/sign-in">Sign in</TextLink>
        </>
      ) : session.status === 'signed-in' ? (
        <PromoteSelf token={token} email={session.user.email} onDone={onDone} />
      ) : (
        <CreateAdmin token={token} onDone={onDone} />
      )}
    </AuthCard>
  );
}

function PromoteSelf({
  token,
  email,
  onDone,
}: {
  token: string;
  email: string;
  onDone: () => void;
}) {
  const promote = usePromoteToFirstAdmin(token, refreshSession);
  return (
    <>
      <p className="text-sm">
        This link makes one account the administrator of TaskFlow, once. You are signed in as{' '}
        <strong>{email}</strong>.
      </p>
      {promote.isError && <FormAlert testId="setup-error">{humanMessage(promote.error)}</FormAlert>}
      <Button
        className="w-full"
        disabled={promote.isPending}
        onClick={() => promote.mutate(undefined, { onSuccess: onDone })}
      >
        {promote.isPending ? 'Making you the administrator…' : 'Make my account the administrator'}
      </Button>
    </>
  );
}

function CreateAdmin({ token, onDone }: { token: string; onDone: () => void }) {
  const create = useCreateFirstAdmin(token);
  const submit = useSubmitForm<AccountInput, z.output<typeof AccountFields>, void>(AccountFields, {
    fields: ['email', 'name', 'password'],
    send: (account) => create.mutateAsync(account),
    onSuccess: onDone,
  });
  return (
    <>
      <p className="text-sm">
        Create the administrator account. This link works once. Already have an account?{' '}
        <TextLink to="/sign-in" search={{ redirect: `/setup/${token}` }}>
          Sign in
        </TextLink>{' '}
        and come back to this link.
      </p>
      <SubmitForm submit={submit} name="setup">
        <TextField label="Name" autoComplete="name" {...submit.field('name')} />
        <TextField label="Email" type="email" autoComplete="email" {...submit.field('email')} />
        <NewPasswordField label="Password" {...submit.field('password')} />
        <SubmitButton
          busy={submit.isSubmitting}
          busyLabel="Creating the administrator…"
          className="w-full"
        >
          Create administrator
        </SubmitButton>
      </SubmitForm>
    </>
  );
}
