import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { components } from '@taskflow/contract/openapi';
import { api, unwrap } from '../../../api/client.ts';
import { sessionStore } from '../session/session-store.ts';

export function useSignIn() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: components['schemas']['SignInBodyInput']) =>
      unwrap(api.POST('/api/v1/auth/sign-in', { body })),
    onSuccess: (session) => {
      // Nothing cached for an earlier session (one that expired in this tab) may show now.
      queryClient.clear();
      sessionStore.signedIn(session);
    },
  });
}
