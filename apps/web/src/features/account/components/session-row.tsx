import type { components } from '@taskflow/contract/openapi';
import type { ReactNode } from 'react';

type Session = components['schemas']['SessionInfo'];

const dateTime = (iso: string) =>
  new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** One signed-in device; `children` is the password confirmation, shown while `confirming`. */
export function SessionRow({
  session,
  confirming,
  onRevoke,
  children,
}: {
  session: Session;
  confirming: boolean;
  onRevoke: () => void;
  children: ReactNode;
}) {
  return (
    <li className="space-y-3 py-3" data-testid="session-item">
      <div className="flex items-start justify-between gap-4">
        <div className="space-y-1 text-sm">
          <p className="font-medium">
            <span data-testid="session-device">{session.device}</span>
            {session.current && (
              <span
                className="ml-2 rounded-full bg-emerald-100 px-2 py-0.5 text-xs font-medium text-emerald-900 dark:bg-emerald-900 dark:text-emerald-100"
                data-testid="session-current"
              >
                This device
              </span>
            )}
          </p>
          <p className="text-slate-600 dark:text-slate-400">
            IP <span data-testid="session-ip">{session.ip ?? 'unknown'}</span> · last used{' '}
            <time dateTime={session.lastUsedAt}>{dateTime(session.lastUsedAt)}</time> · signed in{' '}
            <time dateTime={session.createdAt}>{dateTime(session.createdAt)}</time>
          </p>
        </div>
        {!session.current && !confirming && (
          <button
            type="button"
            onClick={onRevoke}
            aria-label={`Revoke the session on ${session.device}, last used ${dateTime(session.lastUsedAt)}`}
            className="shrink-0 rounded-md border border-slate-300 px-3 py-1.5 text-sm hover:bg-slate-100 dark:border-slate-600 dark:hover:bg-slate-800"
            data-testid="session-revoke"
          >
            Revoke
          </button>
        )}
      </div>
      {confirming && children}
    </li>
  );
}
