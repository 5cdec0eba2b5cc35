import { type ReactNode, useId } from 'react';
import { humanMessage } from '../../../api/error-message.ts';
import { Button } from '../../../components/button.tsx';
import { Card, type CardProps } from '../../../components/card.tsx';
import { FormAlert } from '../../../components/form-alert.tsx';
import { LoadMore } from '../../../components/load-more.tsx';
import { Skeleton } from '../../../components/skeleton.tsx';

/** A titled section of the dashboard, with room for its own controls beside the title. */
export function AdminCard({ actions = null, ...card }: CardProps & { actions?: ReactNode }) {
  return <Card {...card} headingId={useId()} actions={actions} className="min-w-0" />;
}

export function CardSkeleton({ label, rows = 3 }: { label: string; rows?: number }) {
  return <Skeleton label={label} rows={rows} />;
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

type PagedQuery<T> = {
  data: { pages: { items: T[] }[] } | undefined;
  error: unknown;
  isPending: boolean;
  isError: boolean;
  isSuccess: boolean;
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  fetchNextPage: () => Promise<unknown>;
  refetch: () => Promise<unknown>;
};

/** A card's paged list with its loading, failed and empty states, and the way to the next page. */
export function CardList<T>({
  query,
  loadingLabel,
  empty,
  emptyTestId,
  label,
  busy,
  testId,
  loadMoreLabel,
  children,
}: {
  query: PagedQuery<T>;
  loadingLabel: string;
  empty: ReactNode;
  emptyTestId?: string;
  label: string;
  busy?: boolean;
  testId: string;
  loadMoreLabel: string;
  children: (item: T) => ReactNode;
}) {
  const items = query.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <>
      {query.isPending && <CardSkeleton label={loadingLabel} />}
      {query.isError && <CardError error={query.error} onRetry={() => void query.refetch()} />}
      {query.isSuccess && items.length === 0 && (
        <p className="text-sm text-slate-600 dark:text-slate-300" data-testid={emptyTestId}>
          {empty}
        </p>
      )}
      {items.length > 0 && (
        <>
          <ul
            aria-label={label}
            aria-busy={busy}
            className="divide-y divide-slate-200 dark:divide-slate-800"
            data-testid={testId}
          >
            {items.map(children)}
          </ul>
          <LoadMore list={query} label={loadMoreLabel} />
        </>
      )}
    </>
  );
}
