import type { QueryClient } from '@tanstack/react-query';
import type { components } from '@taskflow/contract/openapi';

type LiveEvent = components['schemas']['LiveEvent'];

/**
 * An administrator changed the caller's role. The access token carries the role, so the session
 * is refreshed: the new token and user (and with them the Admin link) replace the old ones, and
 * what was read with the old role is read again. A demotion ended the session: the refresh then
 * signs the tab out.
 */
export function applyRoleEvent(
  queryClient: QueryClient,
  event: LiveEvent,
  refresh: () => Promise<boolean>,
): Promise<void> | undefined {
  if (event.type !== 'user.role_changed') return undefined;
  return refresh().then(
    () => queryClient.invalidateQueries(),
    // A network failure leaves the old session; the next 401 refreshes again.
    () => undefined,
  );
}
