import { humanMessage } from '../../../api/error-message.ts';
import { useResendVerification } from '../api/resend-verification.ts';

/** Mails a new verification link to an address the person has just typed. */
export function ResendVerification({ email }: { email: string }) {
  const resend = useResendVerification();

  if (resend.isSuccess) {
    return (
      <p role="status" className="text-sm" data-testid="resend-verification-done">
        {resend.data.message}
      </p>
    );
  }
  return (
    <div className="space-y-1 text-sm">
      <button
        type="button"
        onClick={() => resend.mutate(email)}
        disabled={resend.isPending}
        className="text-indigo-700 underline disabled:opacity-50 dark:text-indigo-400"
        data-testid="resend-verification"
      >
        Send a new verification link
      </button>
      {resend.isError && (
        <p role="alert" className="text-red-700 dark:text-red-400">
          {humanMessage(resend.error)}
        </p>
      )}
    </div>
  );
}
