import {
  ACCESS_TOKEN_MAX_DAYS,
  AccessTokenScope,
  CreateAccessTokenBody,
  type CreatedAccessToken,
} from '@taskflow/contract';
import { z } from 'zod';
import { SelectField, SelectOptions } from '../../../components/select-field.tsx';
import { SubmitButton, SubmitForm } from '../../../components/submit-form.tsx';
import { TextField } from '../../../components/text-field.tsx';
import { useSubmitForm } from '../../../lib/use-submit-form.ts';
import { useCreateAccessToken } from '../api/create-access-token.ts';

const EXPIRIES = ['7', '30', '90', '365', 'date'] as const;
const expiryNames: Record<(typeof EXPIRIES)[number], string> = {
  '7': '7 days',
  '30': '30 days',
  '90': '90 days',
  '365': '1 year',
  date: 'On a date…',
};
const SCOPES = AccessTokenScope.options;
const scopeNames: Record<(typeof SCOPES)[number], string> = {
  read: 'Read only',
  read_write: 'Read and write',
};

const DAY_MS = 86_400_000;

/** Whole days from today to `date` (YYYY-MM-DD), both as calendar days where the person is. */
export function daysUntil(date: string, today = new Date()) {
  const [y, m, d] = date.split('-').map(Number);
  if (!y || !m || !d) return Number.NaN;
  const from = Date.UTC(today.getFullYear(), today.getMonth(), today.getDate());
  return Math.round((Date.UTC(y, m - 1, d) - from) / DAY_MS);
}

const isoDay = (date: Date) =>
  `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
const inDays = (days: number) => isoDay(new Date(Date.now() + days * DAY_MS));

/** The form as typed: a preset expiry or a date, turned into the days the API takes. */
const TokenForm = z
  .object({
    name: CreateAccessTokenBody.shape.name,
    scope: AccessTokenScope,
    expiry: z.enum(EXPIRIES),
    date: z.string(),
  })
  .transform(({ name, scope, expiry, date }, ctx) => {
    const expiresInDays = expiry === 'date' ? daysUntil(date) : Number(expiry);
    if (!(expiresInDays >= 1 && expiresInDays <= ACCESS_TOKEN_MAX_DAYS)) {
      ctx.addIssue({
        code: 'custom',
        path: ['date'],
        message: 'Choose a date from tomorrow to a year from today',
      });
      return z.NEVER;
    }
    return { name, scope, expiresInDays };
  });

const emptyForm = { name: '', scope: 'read' as const, expiry: '30' as const, date: '' };

/** Names, scopes and dates a new token; `onCreated` gets it with its secret, shown once. */
export function AccessTokenForm({ onCreated }: { onCreated: (token: CreatedAccessToken) => void }) {
  const create = useCreateAccessToken();
  const submit = useSubmitForm(TokenForm, {
    defaultValues: emptyForm,
    fields: ['name', 'scope', 'expiry', 'date'],
    send: (body) => create.mutateAsync(body),
    onSuccess: (created, form) => {
      form.reset(emptyForm);
      onCreated(created);
    },
  });
  const onDate = submit.form.watch('expiry') === 'date';

  return (
    <SubmitForm submit={submit} name="access-token">
      <TextField
        label="Token purpose"
        hint="Names the token in the list, such as “Nightly backup”."
        autoComplete="off"
        {...submit.field('name')}
      />
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField label="Access" {...submit.field('scope')}>
          <SelectOptions values={SCOPES} labels={scopeNames} />
        </SelectField>
        <SelectField label="Expires" {...submit.field('expiry')}>
          <SelectOptions values={EXPIRIES} labels={expiryNames} />
        </SelectField>
      </div>
      {onDate && (
        <TextField
          label="Expiry date"
          type="date"
          min={inDays(1)}
          max={inDays(ACCESS_TOKEN_MAX_DAYS)}
          {...submit.field('date')}
        />
      )}
      <SubmitButton busy={submit.isSubmitting} busyLabel="Creating…">
        Create token
      </SubmitButton>
    </SubmitForm>
  );
}
