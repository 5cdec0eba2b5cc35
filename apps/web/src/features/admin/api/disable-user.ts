import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client.ts';
import { userCache } from './user-cache.ts';

/** Disables a user (every session ends); confirmed first, so not optimistic. */
export function useDisableUser() {
  const cache = userCache(useQueryClient());
  return useMutation({
    mutationFn: (id: string) =>
      unwrap(api.POST('/api/v1/admin/users/{id}/disable', { params: { path: { id } } })),
    onSuccess: (_nothing, id) => cache.update(id, (user) => ({ ...user, disabled: true })),
    onSettled: cache.refresh,
  });
}
