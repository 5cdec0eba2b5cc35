import type { ReactNode } from 'react';

/** A page's main section, named by its title. */
export function PageSection({
  title,
  headingId,
  headingClassName = 'text-2xl font-semibold',
  className,
  testId,
  children,
}: {
  title: ReactNode;
  headingId: string;
  headingClassName?: string;
  className: string;
  testId?: string | undefined;
  children: ReactNode;
}) {
  return (
    <section aria-labelledby={headingId} className={className} data-testid={testId}>
      <h1 id={headingId} className={headingClassName}>
        {title}
      </h1>
      {children}
    </section>
  );
}

export type CardProps = {
  title: string;
  description?: ReactNode;
  testId?: string | undefined;
  children: ReactNode;
};

const frame = 'space-y-4 rounded-lg border border-slate-200 p-6 dark:border-slate-800';

/**
 * One titled panel of a page, with its description under the title and, when given, its own
 * controls (`actions`) beside them.
 */
export function Card({
  title,
  description,
  testId,
  headingId = `${testId ?? title}-title`,
  descriptionClassName = 'text-sm text-slate-600 dark:text-slate-300',
  actions,
  className,
  children,
}: CardProps & {
  headingId?: string;
  descriptionClassName?: string;
  actions?: ReactNode;
  className?: string;
}) {
  const heading = (
    <div className="space-y-1">
      <h2 id={headingId} className="text-lg font-semibold">
        {title}
      </h2>
      {description && <p className={descriptionClassName}>{description}</p>}
    </div>
  );
  return (
    <section
      aria-labelledby={headingId}
      className={className ? `${className} ${frame}` : frame}
      data-testid={testId}
    >
      {actions === undefined ? (
        heading
      ) : (
        <div className="flex flex-wrap items-start justify-between gap-3">
          {heading}
          {actions}
        </div>
      )}
      {children}
    </section>
  );
}
