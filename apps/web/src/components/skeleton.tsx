/**
 * Grey bars where a list will be, announced by `label` and busy for assistive technology.
 * `tall` rows stand closer together, as task rows do.
 */
export function Skeleton({
  label,
  rows = 3,
  tall = false,
  className,
  testId,
}: {
  label: string;
  rows?: number;
  tall?: boolean;
  className?: string;
  testId?: string;
}) {
  return (
    <div aria-busy="true" className={className} data-testid={testId}>
      <span className="sr-only">{label}</span>
      <div className={`animate-pulse ${tall ? 'space-y-2' : 'space-y-3'}`} aria-hidden="true">
        {Array.from({ length: rows }, (_, index) => `row-${index}`).map((key) => (
          <div
            key={key}
            className={`${tall ? 'h-12' : 'h-10'} rounded bg-slate-200 dark:bg-slate-800`}
          />
        ))}
      </div>
    </div>
  );
}
