import { Button } from '../../../components/button.tsx';
import { useMailOutbox } from '../api/get-mail-outbox.ts';
import { formatDateTime } from '../model/format.ts';
import { AdminCard, CardError, CardSkeleton } from './admin-card.tsx';

/** The development mail outbox: what TaskFlow would have sent, newest first. */
export function MailOutbox() {
  const outbox = useMailOutbox();
  return (
    <AdminCard
      title="Mail outbox"
      description="Mail kept here when no SMTP server is configured (development), newest first."
      testId="mail-outbox"
      actions={
        <Button
          variant="secondary"
          size="sm"
          onClick={() => void outbox.refetch()}
          disabled={outbox.isFetching}
        >
          {outbox.isFetching ? 'Refreshing…' : 'Refresh'}
        </Button>
      }
    >
      {outbox.isPending && <CardSkeleton label="Loading the mail…" />}
      {outbox.isError && <CardError error={outbox.error} onRetry={() => void outbox.refetch()} />}
      {outbox.isSuccess && outbox.data.items.length === 0 && (
        <p className="text-sm text-slate-600 dark:text-slate-300">No mail yet.</p>
      )}
      {outbox.isSuccess && outbox.data.items.length > 0 && (
        <ul
          aria-label="Mail"
          className="max-h-[32rem] divide-y divide-slate-200 overflow-y-auto dark:divide-slate-800"
        >
          {outbox.data.items.map((mail) => (
            <li key={mail.id} className="py-2 text-sm" data-testid="outbox-mail">
              <details>
                <summary className="cursor-pointer">
                  <span className="font-medium">{mail.subject}</span>
                  <span className="block text-xs text-slate-600 dark:text-slate-300">
                    To {mail.to} · {formatDateTime(mail.createdAt)}
                  </span>
                </summary>
                <pre className="mt-2 max-h-64 overflow-auto rounded bg-slate-100 p-3 text-xs whitespace-pre-wrap break-words dark:bg-slate-800">
                  {mail.text}
                </pre>
              </details>
            </li>
          ))}
        </ul>
      )}
    </AdminCard>
  );
}
