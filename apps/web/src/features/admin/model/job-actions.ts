import type { JobState } from './admin-types.ts';

export type JobAction = 'retry' | 'cancel';

/** What the API allows: retry what has failed or was cancelled, cancel what has not finished. */
const allowed: Record<JobAction, ReadonlySet<JobState>> = {
  retry: new Set(['failed', 'cancelled']),
  cancel: new Set(['created', 'retry', 'active']),
};

export function canDo(action: JobAction, state: JobState): boolean {
  return allowed[action].has(state);
}

/** The actions offered for a job in this state. */
export function jobActions(state: JobState): JobAction[] {
  return (['retry', 'cancel'] as const).filter((action) => canDo(action, state));
}

/** The state shown at once, before the API answers with the job as it then is. */
export const stateAfter: Record<JobAction, JobState> = { retry: 'retry', cancel: 'cancelled' };
