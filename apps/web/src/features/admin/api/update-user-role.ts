import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client.ts';
import type { Role } from '../model/admin-types.ts';
import { userCache } from './user-cache.ts';

/**
 * Changes a user's role. Asked for in a confirmation dialog, which shows a refusal (the last
 * administrator, 409) in place; a demoted administrator is signed out everywhere by the API.
 */
export function useUpdateUserRole() {
  const cache = userCache(useQueryClient());
  return useMutation({
    mutationFn: ({ id, role }: { id: string; role: Role }) =>
      unwrap(api.PATCH('/api/v1/admin/users/{id}', { params: { path: { id } }, body: { role } })),
    onSuccess: (user) => cache.update(user.id, () => user),
    onSettled: cache.refresh,
  });
}
