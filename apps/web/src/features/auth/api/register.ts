import { useMutation } from '@tanstack/react-query';
import type { components } from '@taskflow/contract/openapi';
import { api, unwrap } from '../../../api/client.ts';

export function useRegister() {
  return useMutation({
    mutationFn: (body: components['schemas']['RegisterBodyInput']) =>
      unwrap(api.POST('/api/v1/auth/register', { body })),
  });
}
