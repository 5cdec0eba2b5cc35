import type { ReactNode } from 'react';

/** A form-level message: errors are announced at once, notices politely. */
export function FormAlert({
  tone = 'error',
  testId,
  children,
}: {
  tone?: 'error' | 'success';
  testId?: string;
  children: ReactNode;
}) {
  const colours =
    tone === 'error'
      ? 'border-red-300 bg-red-50 text-red-800 dark:border-red-800 dark:bg-red-950 dark:text-red-200'
      : 'border-emerald-300 bg-emerald-50 text-emerald-900 dark:border-emerald-800 dark:bg-emerald-950 dark:text-emerald-200';
  return (
    <div
      role={tone === 'error' ? 'alert' : 'status'}
      className={`rounded-md border px-3 py-2 text-sm ${colours}`}
      data-testid={testId}
    >
      {children}
    </div>
  );
}
