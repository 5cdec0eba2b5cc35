import { useMutation, useQueryClient } from '@tanstack/react-query';
import { toast } from 'sonner';
import { api, unwrap } from '../../../api/client.ts';
import { humanMessage } from '../../../api/error-message.ts';
import type { MarkReadBody } from '../model/notification-types.ts';
import { notificationCache } from './notification-cache.ts';

const idsOf = (body: MarkReadBody) => ('ids' in body ? body.ids : null);

/** Optimistic: read at once, unread again if the API refuses; its answer sets the count. */
export function useMarkNotificationsRead() {
  const cache = notificationCache(useQueryClient());
  return useMutation({
    mutationFn: (body: MarkReadBody) => unwrap(api.POST('/api/v1/notifications/read', { body })),
    onMutate: async (body) => {
      const rollback = await cache.snapshot();
      const readAt = new Date().toISOString();
      cache.markRead(idsOf(body), readAt);
      return { rollback, readAt };
    },
    onError: (error, _body, context) => {
      context?.rollback();
      toast.error(humanMessage(error));
    },
    onSuccess: ({ unreadCount }, body, context) =>
      cache.markRead(idsOf(body), context.readAt, unreadCount),
  });
}
