import { useState } from 'react';
import { ConfirmDialog } from '../../../components/confirm-dialog.tsx';
import { TextField } from '../../../components/text-field.tsx';
import { useSearchText } from '../../../lib/use-debounced-callback.ts';
import { useDisableUser } from '../api/disable-user.ts';
import { useEnableUser } from '../api/enable-user.ts';
import { useUsers } from '../api/get-users.ts';
import { useRevokeUserSessions } from '../api/revoke-user-sessions.ts';
import { useUpdateUserRole } from '../api/update-user-role.ts';
import { type ConfirmAsk, confirmation } from '../model/user-confirmations.ts';
import { AdminCard, CardList } from './admin-card.tsx';
import { UserRow } from './user-row.tsx';

export const USER_SEARCH_DELAY_MS = 300;

/**
 * Users, newest first, searched by name or email as one types; each can have their role changed,
 * be disabled or enabled, and be signed out everywhere. Every change but enabling is confirmed.
 */
export function UsersCard({ currentUserId }: { currentUserId: string }) {
  const [q, setQ] = useState('');
  const search = useSearchText((next) => setQ(next.trim()), USER_SEARCH_DELAY_MS);
  const users = useUsers(q);
  const changeRole = useUpdateUserRole();
  const disable = useDisableUser();
  const enable = useEnableUser();
  const signOut = useRevokeUserSessions();
  const [asking, setAsking] = useState<ConfirmAsk | null>(null);
  const dialog = asking ? confirmation(asking, asking.user.id === currentUserId) : null;

  function confirm(): Promise<unknown> {
    if (!asking) return Promise.resolve();
    const { user } = asking;
    if (asking.kind === 'role') return changeRole.mutateAsync({ id: user.id, role: asking.role });
    if (asking.kind === 'disable') return disable.mutateAsync(user.id);
    return signOut.mutateAsync(user);
  }

  return (
    <AdminCard
      title="Users"
      description="Newest first. Demoting an administrator or disabling anyone signs them out everywhere."
      testId="admin-users"
    >
      <TextField
        name="user-search"
        type="search"
        label="Search users"
        placeholder="Name or email"
        value={search.text}
        onChange={search.onChange}
        className="max-w-sm"
      />
      <CardList
        query={users}
        loadingLabel="Loading the users…"
        empty={q ? `No user matches “${q}”.` : 'No users yet.'}
        label="Users"
        busy={users.isPlaceholderData}
        testId="user-list"
        loadMoreLabel="Load more users"
      >
        {(user) => (
          <UserRow
            key={user.id}
            user={user}
            isYou={user.id === currentUserId}
            enabling={enable.isPending && enable.variables === user.id}
            onRoleChange={(role) => {
              if (role !== user.role) setAsking({ kind: 'role', user, role });
            }}
            onDisable={() => setAsking({ kind: 'disable', user })}
            onEnable={() => enable.mutate(user.id)}
            onSignOut={() => setAsking({ kind: 'sign-out', user })}
          />
        )}
      </CardList>
      <ConfirmDialog
        open={dialog !== null}
        onOpenChange={(open) => {
          if (!open) setAsking(null);
        }}
        title={dialog?.title ?? ''}
        description={dialog?.description ?? ''}
        confirmLabel={dialog?.confirmLabel ?? ''}
        onConfirm={confirm}
        testId="admin-user-dialog"
      />
    </AdminCard>
  );
}
