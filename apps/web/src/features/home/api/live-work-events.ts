import type { QueryClient } from '@tanstack/react-query';
import { myWorkKey } from './get-my-work.ts';

type LiveMessage = { type: string };

/**
 * Any change to a task or its conversation in one of the user's workspaces (the stream carries
 * no other) may move it on My work: the list is fetched again, only if a page shows it.
 */
export function applyWorkEvent(queryClient: QueryClient, message: LiveMessage): void {
  if (message.type.startsWith('task.') || message.type.startsWith('comment.')) {
    void queryClient.invalidateQueries({ queryKey: myWorkKey });
  }
}
