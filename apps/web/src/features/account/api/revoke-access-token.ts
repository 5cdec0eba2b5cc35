import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client.ts';
import { accessTokensQueryOptions } from './get-access-tokens.ts';

export function useRevokeAccessToken() {
  const queryClient = useQueryClient();
  const { queryKey } = accessTokensQueryOptions;
  return useMutation({
    mutationFn: (id: string) =>
      unwrap(api.POST('/api/v1/me/access-tokens/{id}/revoke', { params: { path: { id } } })),
    onSuccess: (_data, id) => {
      queryClient.setQueryData(queryKey, (list) =>
        list ? { items: list.items.filter((token) => token.id !== id) } : list,
      );
      return queryClient.invalidateQueries({ queryKey });
    },
  });
}
