import { useQuery } from '@tanstack/react-query';
import { itemsQueryOptions } from '../../../api/item-lists.ts';
import { colourLookup, type WorkspaceLabel } from '../model/label-colours.ts';
import { taskKeys } from './task-keys.ts';

const labelDefinitionsQueryOptions = (workspaceId: string) =>
  itemsQueryOptions(
    taskKeys.labelDefinitions(workspaceId),
    '/api/v1/workspaces/{workspaceId}/label-definitions',
    { workspaceId },
  );

const none: WorkspaceLabel[] = [];

/** The workspace's labels with their colours (and those in use without one). */
export function useLabelDefinitions(workspaceId: string) {
  const query = useQuery(labelDefinitionsQueryOptions(workspaceId));
  return query.data ?? none;
}

/** A label's colour by name; null (neutral) while loading or for a label without one. */
export function useLabelColour(workspaceId: string) {
  return colourLookup(useLabelDefinitions(workspaceId));
}
