import { api, unwrap } from '../../../api/client.ts';
import { stateAfter } from '../model/job-actions.ts';
import { useJobAction } from './job-cache.ts';

/** Cancels a job that has not finished: shown cancelled at once, back as it was if refused. */
export function useCancelJob() {
  return useJobAction(stateAfter.cancel, (id) =>
    unwrap(api.POST('/api/v1/admin/jobs/{id}/cancel', { params: { path: { id } } })),
  );
}
