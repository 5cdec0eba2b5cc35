import { type InfiniteData, useMutation, useQueryClient } from '@tanstack/react-query';
import { toast } from 'sonner';
import { api, unwrap } from '../../../api/client.ts';
import { humanMessage } from '../../../api/error-message.ts';
import type { TrashPage } from '../model/trash-types.ts';
import { trashKey } from './get-trash.ts';

/** Brings a task back to its board; it leaves the trash (the board hears of it live). */
export function useRestoreFromTrash(workspaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (taskId: string) =>
      unwrap(
        api.POST('/api/v1/workspaces/{workspaceId}/tasks/{taskId}/restore', {
          params: { path: { workspaceId, taskId } },
        }),
      ),
    onSuccess: (task) => {
      queryClient.setQueryData<InfiniteData<TrashPage>>(trashKey(workspaceId), (data) =>
        data
          ? {
              ...data,
              pages: data.pages.map((page) => ({
                ...page,
                items: page.items.filter((item) => item.id !== task.id),
              })),
            }
          : data,
      );
      toast.success(`Restored “${task.title}”`);
    },
    onError: (error) => toast.error(humanMessage(error)),
  });
}
