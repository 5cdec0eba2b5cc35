import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client.ts';
import { twoFactorQueryOptions } from './get-two-factor.ts';

/** The first code turns two-factor sign-in on: the recovery codes come back, once. */
export function useConfirmTwoFactor() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (code: string) =>
      unwrap(api.POST('/api/v1/me/two-factor/confirm', { body: { code } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: twoFactorQueryOptions.queryKey }),
  });
}
