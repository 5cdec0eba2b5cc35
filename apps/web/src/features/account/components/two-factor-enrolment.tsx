import type { components } from '@taskflow/contract/openapi';
import { TwoFactorCodeForm } from './two-factor-code-form.tsx';

type Enrolment = components['schemas']['TwoFactorEnrolment'];

/** The new secret as a QR code and as a key to type, then the first code that turns it on. */
export function TwoFactorEnrolment({
  enrolment,
  onConfirm,
  onCancel,
}: {
  enrolment: Enrolment;
  onConfirm: (code: string) => Promise<unknown>;
  onCancel: () => void;
}) {
  // Groups of four are easier to type; apps ignore the spaces.
  const key = enrolment.secret.replace(/(.{4})/g, '$1 ').trim();
  return (
    <div className="space-y-4" data-testid="two-factor-enrolment">
      <ol className="list-decimal space-y-2 pl-5 text-sm">
        <li>Scan this QR code with your authenticator app, or type the key below into it.</li>
        <li>Enter the 6-digit code the app shows.</li>
      </ol>
      <img
        src={enrolment.qrCode}
        alt="QR code for your authenticator app"
        width={192}
        height={192}
        className="rounded-md bg-white p-2"
      />
      <div className="text-sm">
        <span className="text-slate-600 dark:text-slate-400">Key: </span>
        <code className="break-all font-mono" data-testid="two-factor-secret">
          {key}
        </code>
      </div>
      <TwoFactorCodeForm
        prompt="The code from your app confirms it is set up."
        label="Turn on"
        testId="two-factor-confirm-form"
        onCode={onConfirm}
        onCancel={onCancel}
      />
    </div>
  );
}
