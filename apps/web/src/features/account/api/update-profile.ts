import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { components } from '@taskflow/contract/openapi';
import { api, unwrap } from '../../../api/client.ts';
import { currentUserQueryOptions } from './get-current-user.ts';

export function useUpdateProfile() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: components['schemas']['UpdateProfileBodyInput']) =>
      unwrap(api.PATCH('/api/v1/me', { body })),
    onSuccess: (user) => queryClient.setQueryData(currentUserQueryOptions.queryKey, user),
  });
}
