import type { ReactNode } from 'react';

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
  const titleId = `${testId}-title`;
  return (
    <section
      aria-labelledby={titleId}
      className="mx-auto max-w-sm space-y-6 rounded-lg border border-slate-200 p-6 dark:border-slate-800"
      data-testid={testId}
    >
      <h1 id={titleId} className="text-2xl font-semibold">
        {title}
      </h1>
      {children}
    </section>
  );
}
