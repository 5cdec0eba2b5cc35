import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client.ts';

export const ssoIdentitiesQueryOptions = queryOptions({
  queryKey: ['account', 'sso-identities'],
  queryFn: ({ signal }) => unwrap(api.GET('/api/v1/me/sso-identities', { signal })),
});

export function useSsoIdentities() {
  return useQuery(ssoIdentitiesQueryOptions);
}

export function useUnlinkSsoIdentity() {
  const queryClient = useQueryClient();
  const { queryKey } = ssoIdentitiesQueryOptions;
  return useMutation({
    mutationFn: (id: string) =>
      unwrap(api.DELETE('/api/v1/me/sso-identities/{id}', { params: { path: { id } } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey }),
  });
}
