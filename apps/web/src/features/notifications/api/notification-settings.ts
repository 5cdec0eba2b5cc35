import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { components } from '@taskflow/contract/openapi';
import { api, unwrap } from '../../../api/client.ts';
import { notificationKeys } from './notification-keys.ts';

export const notificationSettingsQueryOptions = queryOptions({
  queryKey: notificationKeys.settings(),
  queryFn: ({ signal }) => unwrap(api.GET('/api/v1/notifications/settings', { signal })),
});

export function useNotificationSettings() {
  return useQuery(notificationSettingsQueryOptions);
}

export function useUpdateNotificationSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: components['schemas']['UpdateNotificationSettingsBodyInput']) =>
      unwrap(api.PUT('/api/v1/notifications/settings', { body })),
    onSuccess: (settings) =>
      queryClient.setQueryData(notificationSettingsQueryOptions.queryKey, settings),
  });
}
