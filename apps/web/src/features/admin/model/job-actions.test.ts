import { describe, expect, it } from 'vitest';
import { JOB_STATES } from './admin-types.ts';
import { canDo, jobActions, stateAfter } from './job-actions.ts';

describe('jobActions', () => {
  it.each([
    ['created', ['cancel']],
    ['retry', ['cancel']],
    ['active', ['cancel']],
    ['completed', []],
    ['cancelled', ['retry']],
    ['failed', ['retry']],
  ] as const)('offers for a %s job: %j', (state, actions) => {
    expect(jobActions(state)).toEqual(actions);
  });

  it('shows a state after an action that the same action cannot be repeated on', () => {
    for (const state of JOB_STATES) {
      for (const action of jobActions(state)) {
        expect(stateAfter[action]).not.toBe(state);
        expect(canDo(action, stateAfter[action])).toBe(false);
      }
    }
  });

  it('lets a retried job be cancelled and a cancelled job be retried', () => {
    expect(canDo('cancel', stateAfter.retry)).toBe(true);
    expect(canDo('retry', stateAfter.cancel)).toBe(true);
  });
});
