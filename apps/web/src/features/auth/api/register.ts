import { useMutation } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client.ts';
import type { components } from '../../../api/schema.gen.ts';

export function useRegister() {
  return useMutation({
    mutationFn: (body: components['schemas']['RegisterBodyInput']) =>
      unwrap(api.POST('/api/v1/auth/register', { body })),
  });
}
