import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { api } from '../../../api/client.ts';
import { csrfHeaders } from '../../../api/csrf.ts';
import { sessionStore } from '../session/session-store.ts';

/**
 * Leaves private pages, drops what they were still fetching, revokes the session on the server,
 * then forgets it here whatever the answer: a person who asks to sign out is never left signed in
 * on this device because the server could not be reached. A request still on its way when the
 * session ends would be answered 401; it is cancelled here instead.
 */
export function useSignOut() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return useMutation({
    mutationFn: async () => {
      // Leave private pages first, so nothing private renders or fetches while the session ends.
      await navigate({ to: '/sign-in', replace: true });
      await queryClient.cancelQueries();
      await api
        .POST('/api/v1/auth/sign-out', { params: { header: csrfHeaders } })
        .catch(() => undefined);
      sessionStore.signedOut();
      queryClient.clear();
    },
  });
}
