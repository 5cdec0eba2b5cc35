import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { components } from '@taskflow/contract/openapi';
import { api, unwrap } from '../../../api/client.ts';
import { workspaceKeys } from './workspace-keys.ts';

type Workspace = components['schemas']['Workspace'];

export function useRenameWorkspace(workspaceId: string) {
  const queryClient = useQueryClient();
  const queryKey = workspaceKeys.list();
  return useMutation({
    mutationFn: (body: components['schemas']['UpdateWorkspaceBodyInput']) =>
      unwrap(
        api.PATCH('/api/v1/workspaces/{workspaceId}', { params: { path: { workspaceId } }, body }),
      ),
    onSuccess: (renamed) => {
      queryClient.setQueryData<{ items: Workspace[] }>(queryKey, (list) =>
        list ? { items: list.items.map((w) => (w.id === renamed.id ? renamed : w)) } : list,
      );
      return queryClient.invalidateQueries({ queryKey });
    },
  });
}
