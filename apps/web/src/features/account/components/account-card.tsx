import type { ReactNode } from 'react';

/** One titled panel of the account page. */
export function AccountCard({
  title,
  testId,
  description,
  children,
}: {
  title: string;
  testId: string;
  description?: string;
  children: ReactNode;
}) {
  const titleId = `${testId}-title`;
  return (
    <section
      aria-labelledby={titleId}
      className="space-y-4 rounded-lg border border-slate-200 p-6 dark:border-slate-800"
      data-testid={testId}
    >
      <div className="space-y-1">
        <h2 id={titleId} className="text-lg font-semibold">
          {title}
        </h2>
        {description && <p className="text-sm text-slate-600 dark:text-slate-400">{description}</p>}
      </div>
      {children}
    </section>
  );
}
