import type { components } from '@taskflow/contract/openapi';
import { afterEach, describe, expect, it } from 'vitest';
import { landingWorkspace, personalToCheck, rememberWorkspace } from './last-workspace.ts';

type Workspace = components['schemas']['Workspace'];

const workspace = (id: string, personal = false): Workspace => ({
  id,
  name: `Workspace ${id}`,
  personal,
  role: 'owner',
  createdBy: null,
  memberCount: 1,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
});
const personal = workspace('p', true);
const shared = workspace('s');

afterEach(() => localStorage.clear());

describe('landingWorkspace', () => {
  it('opens the personal workspace the first time', () => {
    expect(landingWorkspace([personal, shared])).toBe(personal);
  });

  it('opens the last workspace used, remembered by id alone', () => {
    rememberWorkspace(shared.id);
    expect(landingWorkspace([personal, shared])).toBe(shared);
    expect(Object.values({ ...localStorage })).toEqual([shared.id]);
  });

  it('falls back to the personal workspace once the remembered one is gone', () => {
    rememberWorkspace('left-long-ago');
    expect(landingWorkspace([personal, shared])).toBe(personal);
  });

  it('opens a shared workspace when the personal one is empty and nothing is remembered', () => {
    expect(personalToCheck([personal, shared])).toBe(personal.id);
    expect(landingWorkspace([personal, shared], true)).toBe(shared);
    expect(landingWorkspace([personal], true)).toBe(personal);
  });

  it('asks nothing about the personal workspace when the choice does not depend on it', () => {
    expect(personalToCheck([personal])).toBeUndefined();
    rememberWorkspace(shared.id);
    expect(personalToCheck([personal, shared])).toBeUndefined();
    expect(landingWorkspace([personal, shared], true)).toBe(shared);
  });
});
