import { useQueryErrorResetBoundary } from '@tanstack/react-query';
import { type ErrorComponentProps, useRouter } from '@tanstack/react-router';
import { ApiError } from '../api/api-error.ts';
import { humanMessage } from '../api/error-message.ts';
import { Button } from './button.tsx';

/** Shown when a route throws; Retry clears both the boundary and the failed queries. */
export function RouteError({ error, reset }: ErrorComponentProps) {
  const router = useRouter();
  const queryBoundary = useQueryErrorResetBoundary();

  function retry() {
    queryBoundary.reset();
    reset();
    void router.invalidate();
  }

  return (
    <section
      role="alert"
      aria-labelledby="route-error-title"
      className="space-y-3"
      data-testid="route-error"
    >
      <h1 id="route-error-title" className="text-xl font-semibold">
        Something went wrong
      </h1>
      <p>{humanMessage(error)}</p>
      {error instanceof ApiError && error.requestId && (
        <p className="text-xs text-slate-500 dark:text-slate-400">Request id: {error.requestId}</p>
      )}
      <Button onClick={retry}>Retry</Button>
    </section>
  );
}
