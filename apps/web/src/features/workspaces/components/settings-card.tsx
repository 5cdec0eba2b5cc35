import type { ReactNode } from 'react';

/** A titled section of the workspace settings page. */
export function SettingsCard({
  title,
  description,
  testId,
  children,
}: {
  title: string;
  description?: string;
  testId?: string;
  children: ReactNode;
}) {
  const headingId = `${testId ?? title}-title`;
  return (
    <section
      aria-labelledby={headingId}
      className="space-y-4 rounded-lg border border-slate-200 p-6 dark:border-slate-800"
      data-testid={testId}
    >
      <div className="space-y-1">
        <h2 id={headingId} className="text-lg font-semibold">
          {title}
        </h2>
        {description && <p className="text-sm text-slate-600 dark:text-slate-300">{description}</p>}
      </div>
      {children}
    </section>
  );
}
