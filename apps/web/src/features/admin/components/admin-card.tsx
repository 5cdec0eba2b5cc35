import { type ReactNode, useId } from 'react';
import { humanMessage } from '../../../api/error-message.ts';
import { Button } from '../../../components/button.tsx';
import { FormAlert } from '../../../components/form-alert.tsx';

/** A titled section of the dashboard, with room for its own controls beside the title. */
export function AdminCard({
  title,
  description,
  actions,
  testId,
  children,
}: {
  title: string;
  description?: ReactNode;
  actions?: ReactNode;
  testId?: string;
  children: ReactNode;
}) {
  const headingId = useId();
  return (
    <section
      aria-labelledby={headingId}
      className="min-w-0 space-y-4 rounded-lg border border-slate-200 p-6 dark:border-slate-800"
      data-testid={testId}
    >
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="space-y-1">
          <h2 id={headingId} className="text-lg font-semibold">
            {title}
          </h2>
          {description && (
            <p className="text-sm text-slate-600 dark:text-slate-300">{description}</p>
          )}
        </div>
        {actions}
      </div>
      {children}
    </section>
  );
}

export function CardSkeleton({ label, rows = 3 }: { label: string; rows?: number }) {
  return (
    <div aria-busy="true">
      <span className="sr-only">{label}</span>
      <div className="animate-pulse space-y-3" aria-hidden="true">
        {Array.from({ length: rows }, (_, index) => `row-${index}`).map((key) => (
          <div key={key} className="h-10 rounded bg-slate-200 dark:bg-slate-800" />
        ))}
      </div>
    </div>
  );
}

export function CardError({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  return (
    <div className="space-y-2">
      <FormAlert>{humanMessage(error)}</FormAlert>
      <Button size="sm" onClick={onRetry}>
        Retry
      </Button>
    </div>
  );
}

/** Figures kept from an earlier read while a refresh fails: say so rather than pass them as new. */
export function StaleNote({ error }: { error: unknown }) {
  return (
    <p
      role="status"
      className="text-xs text-amber-800 dark:text-amber-300"
      data-testid="stale-note"
    >
      Could not refresh: {humanMessage(error)} Showing the last figures read.
    </p>
  );
}
