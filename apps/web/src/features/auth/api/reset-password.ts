import { useMutation } from '@tanstack/react-query';
import type { components } from '@taskflow/contract/openapi';
import { api, unwrap } from '../../../api/client.ts';

export function useResetPassword() {
  return useMutation({
    mutationFn: (body: components['schemas']['ResetPasswordBodyInput']) =>
      unwrap(api.POST('/api/v1/auth/password-reset', { body })),
  });
}
