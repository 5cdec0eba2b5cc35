import { ApiError } from '../../../api/api-error.ts';
import { humanMessage } from '../../../api/error-message.ts';
import { Button } from '../../../components/button.tsx';
import { useMeta } from '../api/get-meta.ts';

const cardClass = 'rounded-lg border border-slate-200 p-6 dark:border-slate-800';

function Field({ label, testId, children }: { label: string; testId: string; children: string }) {
  return (
    <div>
      <dt className="text-xs uppercase tracking-wide text-slate-500 dark:text-slate-400">
        {label}
      </dt>
      <dd className="mt-1 font-medium" data-testid={testId}>
        {children}
      </dd>
    </div>
  );
}

function MetaSkeleton() {
  return (
    <div className={cardClass} data-testid="meta-loading" aria-busy="true" aria-live="polite">
      <span className="sr-only">Loading server information…</span>
      <div className="grid animate-pulse grid-cols-2 gap-4" aria-hidden="true">
        {['name', 'version', 'mode', 'time'].map((key) => (
          <div key={key} className="h-10 rounded bg-slate-200 dark:bg-slate-800" />
        ))}
      </div>
    </div>
  );
}

/** What the server reports about itself: the first end-to-end use of the typed client. */
export function MetaCard() {
  const meta = useMeta();

  if (meta.isPending) return <MetaSkeleton />;

  if (meta.isError) {
    const { error } = meta;
    return (
      <div role="alert" className={cardClass} data-testid="meta-error">
        <p>{humanMessage(error)}</p>
        {error instanceof ApiError && error.requestId && (
          <p
            className="mt-1 text-xs text-slate-500 dark:text-slate-400"
            data-testid="meta-error-request-id"
          >
            Request id: {error.requestId}
          </p>
        )}
        <Button className="mt-4" onClick={() => void meta.refetch()} disabled={meta.isFetching}>
          Retry
        </Button>
      </div>
    );
  }

  return (
    <dl className={`${cardClass} grid grid-cols-2 gap-4`} data-testid="meta">
      <Field label="Name" testId="meta-name">
        {meta.data.name}
      </Field>
      <Field label="Version" testId="meta-version">
        {meta.data.version}
      </Field>
      <Field label="Mode" testId="meta-mode">
        {meta.data.mode}
      </Field>
      <Field label="Server time" testId="meta-server-time">
        {new Date(meta.data.serverTime).toLocaleString()}
      </Field>
    </dl>
  );
}
