import { useMutation } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client.ts';

export function useRequestPasswordReset() {
  return useMutation({
    mutationFn: (email: string) =>
      unwrap(api.POST('/api/v1/auth/password-reset/request', { body: { email } })),
  });
}
