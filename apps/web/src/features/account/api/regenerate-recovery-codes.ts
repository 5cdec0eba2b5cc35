import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client.ts';
import { twoFactorQueryOptions } from './get-two-factor.ts';

/** New recovery codes (a current code is asked); the earlier ones stop working. */
export function useRegenerateRecoveryCodes() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (code: string) =>
      unwrap(api.POST('/api/v1/me/two-factor/recovery-codes', { body: { code } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: twoFactorQueryOptions.queryKey }),
  });
}
