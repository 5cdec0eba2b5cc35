import type { AdminUser, Role } from './admin-types.ts';

/** A change to a user, waiting for the administrator to confirm it. */
export type ConfirmAsk =
  | { kind: 'role'; user: AdminUser; role: Role }
  | { kind: 'disable'; user: AdminUser }
  | { kind: 'sign-out'; user: AdminUser };

type Confirmation = { title: string; description: string; confirmLabel: string };

/** What the confirmation dialog says: what will happen, to whom, in plain words. */
export function confirmation(ask: ConfirmAsk, isYou: boolean): Confirmation {
  const { name } = ask.user;
  switch (ask.kind) {
    case 'role':
      return ask.role === 'admin'
        ? {
            title: `Make ${name} an administrator?`,
            description:
              'Administrators see this dashboard and can change any user, including you.',
            confirmLabel: 'Make administrator',
          }
        : {
            title: isYou ? 'Stop being an administrator?' : `Make ${name} a regular user?`,
            description: isYou
              ? 'You lose access to this dashboard and are signed out everywhere, this tab included.'
              : 'They lose access to this dashboard and are signed out everywhere.',
            confirmLabel: 'Remove administrator role',
          };
    case 'disable':
      return {
        title: `Disable ${name}?`,
        description:
          'They are signed out on every device and cannot sign in until an administrator enables them again.',
        confirmLabel: 'Disable user',
      };
    case 'sign-out':
      return {
        title: `Sign ${name} out everywhere?`,
        description: 'Every session of theirs ends at once; they can sign in again.',
        confirmLabel: 'Sign out everywhere',
      };
  }
}
