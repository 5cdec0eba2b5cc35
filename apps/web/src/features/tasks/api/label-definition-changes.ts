import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client.ts';
import type { LabelColour } from '../model/label-colours.ts';
import { taskKeys } from './task-keys.ts';

/**
 * Defining, renaming, recolouring and deleting a workspace's labels. Each refreshes the labels
 * and the tasks (a rename renames the label on them).
 */
export function useLabelDefinitionChanges(workspaceId: string) {
  const queryClient = useQueryClient();
  const onSuccess = () => queryClient.invalidateQueries({ queryKey: taskKeys.all(workspaceId) });
  const path = { workspaceId };
  return {
    create: useMutation({
      mutationFn: (body: { name: string; colour: LabelColour }) =>
        unwrap(
          api.POST('/api/v1/workspaces/{workspaceId}/label-definitions', {
            params: { path },
            body,
          }),
        ),
      onSuccess,
    }),
    update: useMutation({
      mutationFn: ({
        labelId,
        ...body
      }: {
        labelId: string;
        name?: string;
        colour?: LabelColour;
      }) =>
        unwrap(
          api.PATCH('/api/v1/workspaces/{workspaceId}/label-definitions/{labelId}', {
            params: { path: { ...path, labelId } },
            body,
          }),
        ),
      onSuccess,
    }),
    remove: useMutation({
      mutationFn: (labelId: string) =>
        unwrap(
          api.DELETE('/api/v1/workspaces/{workspaceId}/label-definitions/{labelId}', {
            params: { path: { ...path, labelId } },
          }),
        ),
      onSuccess,
    }),
  };
}
