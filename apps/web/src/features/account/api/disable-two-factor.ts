import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { components } from '@taskflow/contract/openapi';
import { api, unwrap } from '../../../api/client.ts';
import { twoFactorQueryOptions } from './get-two-factor.ts';

/** Turns two-factor sign-in off: the password and a current code are asked. */
export function useDisableTwoFactor() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: components['schemas']['DisableTwoFactorBodyInput']) =>
      unwrap(api.POST('/api/v1/me/two-factor/disable', { body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: twoFactorQueryOptions.queryKey }),
  });
}
