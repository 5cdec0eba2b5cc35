import { describe, expect, it } from 'vitest';
import type { AdminUser } from './admin-types.ts';
import { confirmation } from './user-confirmations.ts';

const ada: AdminUser = {
  id: '11111111-1111-4111-8111-111111111111',
  name: 'Ada',
  email: 'ada@example.test',
  emailVerified: true,
  role: 'admin',
  disabled: false,
  lastSeenAt: null,
  twoFactor: false,
  createdAt: '2026-01-01T00:00:00.000Z',
};

describe('confirmation', () => {
  it('names the user and the consequence of each change', () => {
    expect(confirmation({ kind: 'role', user: ada, role: 'user' }, false)).toMatchObject({
      title: 'Make Ada a regular user?',
      description: expect.stringContaining('signed out everywhere'),
    });
    expect(confirmation({ kind: 'role', user: ada, role: 'admin' }, false).confirmLabel).toBe(
      'Make administrator',
    );
    expect(confirmation({ kind: 'disable', user: ada }, false).title).toBe('Disable Ada?');
    expect(confirmation({ kind: 'sign-out', user: ada }, false).title).toBe(
      'Sign Ada out everywhere?',
    );
  });

  it('warns administrators who demote themselves that they will be signed out', () => {
    expect(confirmation({ kind: 'role', user: ada, role: 'user' }, true)).toMatchObject({
      title: 'Stop being an administrator?',
      description: expect.stringContaining('this tab included'),
    });
  });
});
