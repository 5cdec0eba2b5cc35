import { useMutation } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client.ts';

export function useVerifyEmail() {
  return useMutation({
    mutationFn: (token: string) =>
      unwrap(api.POST('/api/v1/auth/verify-email', { body: { token } })),
  });
}
