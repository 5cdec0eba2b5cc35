import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client.ts';
import { adminKeys } from './admin-keys.ts';

const securitySettingsQueryOptions = queryOptions({
  queryKey: adminKeys.securitySettings(),
  queryFn: ({ signal }) => unwrap(api.GET('/api/v1/admin/settings/security', { signal })),
});

export function useSecuritySettings() {
  return useQuery(securitySettingsQueryOptions);
}

/** Requiring two-factor sign-in for administrators is refused (409) until the caller has it. */
export function useUpdateSecuritySettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (requireTwoFactorForAdmins: boolean) =>
      unwrap(api.PATCH('/api/v1/admin/settings/security', { body: { requireTwoFactorForAdmins } })),
    onSuccess: (settings) =>
      queryClient.setQueryData(securitySettingsQueryOptions.queryKey, settings),
  });
}
