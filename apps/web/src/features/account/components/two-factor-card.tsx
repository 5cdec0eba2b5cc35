import type { components } from '@taskflow/contract/openapi';
import { useState } from 'react';
import { humanMessage } from '../../../api/error-message.ts';
import { Button } from '../../../components/button.tsx';
import { FormAlert } from '../../../components/form-alert.tsx';
import { Skeleton } from '../../../components/skeleton.tsx';
import { useConfirmTwoFactor } from '../api/confirm-two-factor.ts';
import { useDisableTwoFactor } from '../api/disable-two-factor.ts';
import { useTwoFactor } from '../api/get-two-factor.ts';
import { useRegenerateRecoveryCodes } from '../api/regenerate-recovery-codes.ts';
import { useStartTwoFactor } from '../api/start-two-factor.ts';
import { AccountCard } from './account-card.tsx';
import { ConfirmPasswordForm } from './confirm-password-form.tsx';
import { RecoveryCodes } from './recovery-codes.tsx';
import { DisableTwoFactorForm, TwoFactorCodeForm } from './two-factor-code-form.tsx';
import { TwoFactorEnrolment } from './two-factor-enrolment.tsx';

type Step =
  | { kind: 'idle' }
  | { kind: 'password' }
  | { kind: 'enrolling'; enrolment: components['schemas']['TwoFactorEnrolment'] }
  | { kind: 'codes'; codes: string[] }
  | { kind: 'regenerate' }
  | { kind: 'disable' };

/** Two-factor sign-in: turn it on with an authenticator app, keep recovery codes, turn it off. */
export function TwoFactorCard() {
  const status = useTwoFactor();
  const start = useStartTwoFactor();
  const confirm = useConfirmTwoFactor();
  const regenerate = useRegenerateRecoveryCodes();
  const disable = useDisableTwoFactor();
  const [step, setStep] = useState<Step>({ kind: 'idle' });
  const idle = () => setStep({ kind: 'idle' });

  return (
    <div id="two-factor">
      <AccountCard
        title="Two-factor sign-in"
        testId="two-factor"
        description="After your password, sign-in also asks for a code from an authenticator app on your phone."
      >
        {status.isPending && <Skeleton label="Loading…" rows={1} testId="two-factor-loading" />}
        {status.isError && <FormAlert>{humanMessage(status.error)}</FormAlert>}
        {status.data?.required && (
          <FormAlert testId="two-factor-required">
            Administrators must turn on two-factor sign-in before using the admin pages.
          </FormAlert>
        )}
        {step.kind === 'codes' && <RecoveryCodes codes={step.codes} onDone={idle} />}
        {status.data && step.kind !== 'codes' && (
          <p className="text-sm" data-testid="two-factor-status">
            {status.data.enabled
              ? `On. ${status.data.recoveryCodesLeft} of 10 recovery codes left.`
              : 'Off.'}
          </p>
        )}
        {status.data?.enabled === false && step.kind === 'idle' && (
          <Button onClick={() => setStep({ kind: 'password' })}>Turn on two-factor sign-in</Button>
        )}
        {step.kind === 'password' && (
          <ConfirmPasswordForm
            prompt="Enter your password to set up two-factor sign-in."
            confirmLabel="Continue"
            testId="two-factor-password-form"
            onConfirm={(password) =>
              start
                .mutateAsync(password)
                .then((enrolment) => setStep({ kind: 'enrolling', enrolment }))
            }
            onCancel={idle}
          />
        )}
        {step.kind === 'enrolling' && (
          <TwoFactorEnrolment
            enrolment={step.enrolment}
            onConfirm={(code) =>
              confirm
                .mutateAsync(code)
                .then(({ recoveryCodes }) => setStep({ kind: 'codes', codes: recoveryCodes }))
            }
            onCancel={idle}
          />
        )}
        {status.data?.enabled && step.kind === 'idle' && (
          <div className="flex flex-wrap gap-3">
            <Button variant="secondary" onClick={() => setStep({ kind: 'regenerate' })}>
              New recovery codes
            </Button>
            <Button variant="danger" onClick={() => setStep({ kind: 'disable' })}>
              Turn off
            </Button>
          </div>
        )}
        {step.kind === 'regenerate' && (
          <TwoFactorCodeForm
            prompt="New codes replace all your earlier recovery codes. Enter a code to confirm."
            label="Make new codes"
            testId="two-factor-regenerate-form"
            onCode={(code) =>
              regenerate
                .mutateAsync(code)
                .then(({ recoveryCodes }) => setStep({ kind: 'codes', codes: recoveryCodes }))
            }
            onCancel={idle}
          />
        )}
        {step.kind === 'disable' && (
          <DisableTwoFactorForm
            onDisable={(body) => disable.mutateAsync(body).then(idle)}
            onCancel={idle}
          />
        )}
      </AccountCard>
    </div>
  );
}
