import { type QueryClient, useMutation, useQueryClient } from '@tanstack/react-query';
import { toast } from 'sonner';
import { humanMessage } from '../../../api/error-message.ts';
import type { Job, JobPages, JobState } from '../model/admin-types.ts';
import { updateItem } from '../model/list-pages.ts';
import { adminKeys } from './admin-keys.ts';

/** Writes to every cached job list, for the retry and cancel mutations. */
function jobCache(queryClient: QueryClient) {
  const lists = { queryKey: adminKeys.jobLists() };
  const update = (id: string, change: (job: Job) => Job) =>
    queryClient.setQueriesData<JobPages>(lists, (data) =>
      data ? updateItem(data, id, change) : data,
    );

  return {
    /** Shows the job in `state` at once; returns the way back. */
    async optimistic(id: string, state: JobState): Promise<() => void> {
      await queryClient.cancelQueries(lists);
      const saved = queryClient.getQueriesData<JobPages>(lists);
      update(id, (job) => ({ ...job, state }));
      return () => {
        for (const [queryKey, data] of saved) queryClient.setQueryData(queryKey, data);
      };
    },
    /** The job as the API answered. */
    put(job: Job) {
      update(job.id, () => job);
      queryClient.setQueryData(adminKeys.job(job.id), job);
    },
    /** Lists filtered by state, and the figures, change with it: read them again. */
    refresh: () =>
      Promise.all([
        queryClient.invalidateQueries(lists),
        queryClient.invalidateQueries({ queryKey: adminKeys.stats() }),
      ]),
  };
}

/** A change of one job's state: shown as `state` at once, back as it was if refused. */
export function useJobAction(state: JobState, send: (id: string) => Promise<Job>) {
  const cache = jobCache(useQueryClient());
  return useMutation({
    mutationFn: send,
    onMutate: (id) => cache.optimistic(id, state),
    onError: (error, _id, rollback) => {
      rollback?.();
      toast.error(humanMessage(error));
    },
    onSuccess: (job) => cache.put(job),
    onSettled: cache.refresh,
  });
}
