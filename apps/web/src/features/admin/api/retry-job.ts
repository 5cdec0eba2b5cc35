import { api, unwrap } from '../../../api/client.ts';
import { stateAfter } from '../model/job-actions.ts';
import { useJobAction } from './job-cache.ts';

/** Runs a failed or cancelled job again: shown waiting at once, back as it was if refused. */
export function useRetryJob() {
  return useJobAction(stateAfter.retry, (id) =>
    unwrap(api.POST('/api/v1/admin/jobs/{id}/retry', { params: { path: { id } } })),
  );
}
