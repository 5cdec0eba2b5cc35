import { useMutation, useQueryClient } from '@tanstack/react-query';
import { toast } from 'sonner';
import { api, unwrap } from '../../../api/client.ts';
import { humanMessage } from '../../../api/error-message.ts';
import { userCache } from './user-cache.ts';

/** Enables a disabled user again; the button shows it pending, a refusal comes as a toast. */
export function useEnableUser() {
  const cache = userCache(useQueryClient());
  return useMutation({
    mutationFn: (id: string) =>
      unwrap(api.POST('/api/v1/admin/users/{id}/enable', { params: { path: { id } } })),
    onSuccess: (user) => cache.update(user.id, () => user),
    onError: (error) => toast.error(humanMessage(error)),
    onSettled: cache.refresh,
  });
}
