import type { ReactNode } from 'react';
import { PageSection } from '../../../components/card.tsx';

/** The frame of the sign-in, registration and password pages. */
export function AuthCard({
  title,
  testId,
  children,
}: {
  title: string;
  testId: string;
  children: ReactNode;
}) {
  return (
    <PageSection
      title={title}
      headingId={`${testId}-title`}
      className="mx-auto max-w-sm space-y-6 rounded-lg border border-slate-200 p-6 dark:border-slate-800"
      testId={testId}
    >
      {children}
    </PageSection>
  );
}
