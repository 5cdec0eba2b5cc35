import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client.ts';
import { sessionsQueryOptions } from './get-sessions.ts';

/** Not optimistic: the API asks for the password again, and a wrong one must keep the form. */
export function useRevokeSession() {
  const queryClient = useQueryClient();
  const { queryKey } = sessionsQueryOptions;
  return useMutation({
    mutationFn: ({ id, password }: { id: string; password: string }) =>
      unwrap(
        api.POST('/api/v1/me/sessions/{id}/revoke', {
          params: { path: { id } },
          body: { password },
        }),
      ),
    onSuccess: (_data, { id }) => {
      queryClient.setQueryData(queryKey, (list) =>
        list ? { items: list.items.filter((session) => session.id !== id) } : list,
      );
      return queryClient.invalidateQueries({ queryKey });
    },
  });
}
