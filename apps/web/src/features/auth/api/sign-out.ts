import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { api } from '../../../api/client.ts';
import { csrfHeaders } from '../../../api/csrf.ts';
import { sessionStore } from '../session/session-store.ts';

/**
 * Revokes the session on the server, then forgets it here whatever the answer: a person who asks
 * to sign out is never left signed in on this device because the server could not be reached.
 */
export function useSignOut() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return useMutation({
    mutationFn: async () => {
      await api
        .POST('/api/v1/auth/sign-out', { params: { header: csrfHeaders } })
        .catch(() => undefined);
      // Leave private pages first, so nothing private renders while the cache is cleared.
      await navigate({ to: '/sign-in', replace: true });
      sessionStore.signedOut();
      queryClient.clear();
    },
  });
}
