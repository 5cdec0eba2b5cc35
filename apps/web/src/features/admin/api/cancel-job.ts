import { useMutation, useQueryClient } from '@tanstack/react-query';
import { toast } from 'sonner';
import { api, unwrap } from '../../../api/client.ts';
import { humanMessage } from '../../../api/error-message.ts';
import { stateAfter } from '../model/job-actions.ts';
import { jobCache } from './job-cache.ts';

/** Cancels a job that has not finished: shown cancelled at once, back as it was if refused. */
export function useCancelJob() {
  const cache = jobCache(useQueryClient());
  return useMutation({
    mutationFn: (id: string) =>
      unwrap(api.POST('/api/v1/admin/jobs/{id}/cancel', { params: { path: { id } } })),
    onMutate: (id) => cache.optimistic(id, stateAfter.cancel),
    onError: (error, _id, rollback) => {
      rollback?.();
      toast.error(humanMessage(error));
    },
    onSuccess: (job) => cache.put(job),
    onSettled: cache.refresh,
  });
}
