import type { ReactNode } from 'react';
import { TitledSection } from '../../../components/card.tsx';

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
    <TitledSection
      title={title}
      headingId={`${testId}-title`}
      heading="h1"
      headingClassName="text-2xl font-semibold"
      className="mx-auto max-w-sm space-y-6 rounded-lg border border-slate-200 p-6 dark:border-slate-800"
      testId={testId}
    >
      {children}
    </TitledSection>
  );
}
