import { useMutation } from '@tanstack/react-query';
import { toast } from 'sonner';
import { api, unwrap } from '../../../api/client.ts';

/** Signs a user out on every device; confirmed first. */
export function useRevokeUserSessions() {
  return useMutation({
    mutationFn: (user: { id: string; name: string }) =>
      unwrap(
        api.POST('/api/v1/admin/users/{id}/sessions/revoke', { params: { path: { id: user.id } } }),
      ),
    onSuccess: (_nothing, user) => toast.success(`${user.name} is signed out everywhere.`),
  });
}
