import type { QueryClient } from '@tanstack/react-query';
import type { LiveEvent } from '../model/admin-types.ts';
import { adminKeys } from './admin-keys.ts';

/** Task events come in bursts (a bulk change, a drag): one refetch per burst is enough. */
export const STATS_COALESCE_MS = 500;

const scheduled = new WeakMap<QueryClient, ReturnType<typeof setTimeout>>();

/**
 * A task changed: the dashboard's figures (when it is open, or cached) are read again shortly.
 * The stream carries only the admin's own workspaces; the figures' polling covers the others.
 */
export function applyAdminEvent(queryClient: QueryClient, event: LiveEvent): void {
  if (!event.type.startsWith('task.')) return;
  const queryKey = adminKeys.stats();
  if (scheduled.has(queryClient) || queryClient.getQueryCache().findAll({ queryKey }).length === 0)
    return;
  scheduled.set(
    queryClient,
    setTimeout(() => {
      scheduled.delete(queryClient);
      void queryClient.invalidateQueries({ queryKey });
    }, STATS_COALESCE_MS),
  );
}
