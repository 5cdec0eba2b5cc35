import { DisableTwoFactorBody, TwoFactorCodeBody } from '@taskflow/contract';
import { Button } from '../../../components/button.tsx';
import { SubmitButton, SubmitForm } from '../../../components/submit-form.tsx';
import { TextField } from '../../../components/text-field.tsx';
import { useSubmitForm } from '../../../lib/use-submit-form.ts';

const frame = 'space-y-3 rounded-md border border-slate-200 p-4 dark:border-slate-700';

function Actions({
  busy,
  label,
  danger,
  onCancel,
}: {
  busy: boolean;
  label: string;
  danger?: boolean;
  onCancel?: (() => void) | undefined;
}) {
  return (
    <div className="flex flex-wrap gap-3">
      <SubmitButton busy={busy} variant={danger ? 'danger' : 'primary'}>
        {label}
      </SubmitButton>
      {onCancel && (
        <Button variant="secondary" onClick={onCancel}>
          Cancel
        </Button>
      )}
    </div>
  );
}

const codeField = {
  label: 'Code from your app or a recovery code',
  autoComplete: 'one-time-code',
  autoCapitalize: 'none',
  spellCheck: false,
} as const;

/** Asks for one code (from the authenticator app, or a recovery code) before an action. */
export function TwoFactorCodeForm({
  prompt,
  label,
  testId,
  onCode,
  onCancel,
}: {
  prompt: string;
  label: string;
  testId: string;
  onCode: (code: string) => Promise<unknown>;
  onCancel?: () => void;
}) {
  const submit = useSubmitForm(TwoFactorCodeBody, {
    fields: ['code'],
    send: ({ code }) => onCode(code),
  });
  return (
    <SubmitForm
      submit={submit}
      testId={testId}
      intro={<p className="text-sm">{prompt}</p>}
      className={frame}
    >
      <TextField {...codeField} autoFocus {...submit.field('code')} />
      <Actions busy={submit.isSubmitting} label={label} onCancel={onCancel} />
    </SubmitForm>
  );
}

/** Turning two-factor sign-in off: the password and a current code. */
export function DisableTwoFactorForm({
  onDisable,
  onCancel,
}: {
  onDisable: (body: { password: string; code: string }) => Promise<unknown>;
  onCancel: () => void;
}) {
  const submit = useSubmitForm(DisableTwoFactorBody, {
    fields: ['password', 'code'],
    send: (body) => onDisable(body),
  });
  return (
    <SubmitForm
      submit={submit}
      testId="two-factor-disable-form"
      intro={
        <p className="text-sm">
          Turn off two-factor sign-in? Your password alone will then sign you in.
        </p>
      }
      className={frame}
    >
      <TextField
        label="Your password"
        type="password"
        autoComplete="current-password"
        autoFocus
        {...submit.field('password')}
      />
      <TextField {...codeField} {...submit.field('code')} />
      <Actions busy={submit.isSubmitting} label="Turn off" danger onCancel={onCancel} />
    </SubmitForm>
  );
}
