import { useMutation } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client.ts';

export function useResendVerification() {
  return useMutation({
    mutationFn: (email: string) =>
      unwrap(api.POST('/api/v1/auth/verify-email/request', { body: { email } })),
  });
}
