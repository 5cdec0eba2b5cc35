import type { ReactNode } from 'react';
import { AuthCard } from './auth-card.tsx';

/** Shown once a link has been mailed: the API says the same whether or not the account exists. */
export function CheckInbox({
  testId,
  message,
  email,
  children,
}: {
  testId: string;
  message: string;
  email: string;
  children?: ReactNode;
}) {
  return (
    <AuthCard title="Check your inbox" testId={testId}>
      <div role="status" className="space-y-3 text-sm">
        <p>{message}</p>
        <p>
          We sent it to <strong>{email}</strong>.
        </p>
      </div>
      {children}
    </AuthCard>
  );
}
