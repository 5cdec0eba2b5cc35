import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { components } from '@taskflow/contract/openapi';
import { api, unwrap } from '../../../api/client.ts';
import { sessionStore } from '../session/session-store.ts';

/** Links a provider identity to the account whose password is given, and signs in. */
export function useLinkSso() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: components['schemas']['SsoLinkBodyInput']) =>
      unwrap(api.POST('/api/v1/auth/sso/link', { body })),
    onSuccess: (session) => {
      queryClient.clear();
      sessionStore.signedIn(session);
    },
  });
}
