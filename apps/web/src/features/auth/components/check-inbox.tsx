import type { ReactNode } from 'react';
import { AuthCard } from './auth-card.tsx';

/**
 * Shown once a link has been mailed: what was sent where, said once (the title already says to
 * check the inbox), and what to do next.
 */
export function CheckInbox({
  testId,
  message,
  children,
}: {
  testId: string;
  message: ReactNode;
  children?: ReactNode;
}) {
  return (
    <AuthCard title="Check your inbox" testId={testId}>
      <p role="status" className="text-sm">
        {message}
      </p>
      {children}
    </AuthCard>
  );
}
