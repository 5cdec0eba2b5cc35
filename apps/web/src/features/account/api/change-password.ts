import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { components } from '@taskflow/contract/openapi';
import { api, unwrap } from '../../../api/client.ts';
import { sessionsQueryOptions } from './get-sessions.ts';

/** Every other session is signed out by the API, so the session list changes too. */
export function useChangePassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: components['schemas']['ChangePasswordBodyInput']) =>
      unwrap(api.POST('/api/v1/me/password', { body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: sessionsQueryOptions.queryKey }),
  });
}
