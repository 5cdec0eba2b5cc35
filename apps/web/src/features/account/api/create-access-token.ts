import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CreateAccessTokenBody } from '@taskflow/contract';
import { api, unwrap } from '../../../api/client.ts';
import { accessTokensQueryOptions } from './get-access-tokens.ts';

/** The answer holds the token's secret: shown once by the caller, never put in the cache. */
export function useCreateAccessToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateAccessTokenBody) =>
      unwrap(api.POST('/api/v1/me/access-tokens', { body })),
    onSuccess: () => queryClient.invalidateQueries(accessTokensQueryOptions),
  });
}
