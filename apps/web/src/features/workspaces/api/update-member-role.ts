import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { components } from '@taskflow/contract/openapi';
import { toast } from 'sonner';
import { api, unwrap } from '../../../api/client.ts';
import { humanMessage } from '../../../api/error-message.ts';
import { workspaceKeys } from './workspace-keys.ts';

type Member = components['schemas']['Member'];
type Role = components['schemas']['WorkspaceRole'];

/** Optimistic: the role shows changed at once, and changes back if the API refuses. */
export function useUpdateMemberRole(workspaceId: string) {
  const queryClient = useQueryClient();
  const queryKey = workspaceKeys.members(workspaceId);
  return useMutation({
    mutationFn: ({ userId, role }: { userId: string; role: Role }) =>
      unwrap(
        api.PATCH('/api/v1/workspaces/{workspaceId}/members/{userId}', {
          params: { path: { workspaceId, userId } },
          body: { role },
        }),
      ),
    onMutate: async ({ userId, role }) => {
      await queryClient.cancelQueries({ queryKey });
      const before = queryClient.getQueryData<{ items: Member[] }>(queryKey);
      if (before) {
        const items = before.items.map((m) => (m.userId === userId ? { ...m, role } : m));
        queryClient.setQueryData(queryKey, { items });
      }
      return { before };
    },
    onError: (error, _variables, context) => {
      if (context?.before) queryClient.setQueryData(queryKey, context.before);
      toast.error(humanMessage(error));
    },
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey }),
        // The caller's own role lives in the workspace list.
        queryClient.invalidateQueries({ queryKey: workspaceKeys.list() }),
      ]),
  });
}
