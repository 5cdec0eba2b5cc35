import { useMutation } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client.ts';
import type { components } from '../../../api/schema.gen.ts';

export function useResetPassword() {
  return useMutation({
    mutationFn: (body: components['schemas']['ResetPasswordBodyInput']) =>
      unwrap(api.POST('/api/v1/auth/password-reset', { body })),
  });
}
