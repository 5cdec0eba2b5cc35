import { Button } from '../../../components/button.tsx';
import { PersonSummary } from '../../../components/person-summary.tsx';
import { RoleSelect } from '../../../components/role-select.tsx';
import type { AdminUser, Role } from '../model/admin-types.ts';
import { roleNames } from '../model/admin-types.ts';
import { formatDateTime } from '../model/format.ts';

const pill = 'rounded-full px-2 py-0.5 text-xs font-medium';

/** One user, with the controls an administrator has over them (fewer over themselves). */
export function UserRow({
  user,
  isYou,
  enabling,
  onRoleChange,
  onDisable,
  onEnable,
  onSignOut,
}: {
  user: AdminUser;
  isYou: boolean;
  enabling: boolean;
  onRoleChange: (role: Role) => void;
  onDisable: () => void;
  onEnable: () => void;
  onSignOut: () => void;
}) {
  return (
    <li
      className="flex flex-wrap items-center gap-3 py-3"
      data-testid="user-row"
      data-user-id={user.id}
    >
      <PersonSummary
        name={user.name}
        email={user.email}
        isYou={isYou}
        nameTestId="user-row-name"
        badges={
          <>
            {user.disabled && (
              <span
                className={`ml-2 ${pill} bg-red-100 text-red-900 dark:bg-red-900 dark:text-red-100`}
                data-testid="user-disabled"
              >
                Disabled
              </span>
            )}
            {user.twoFactor && (
              <span
                className={`ml-2 ${pill} bg-emerald-100 text-emerald-900 dark:bg-emerald-900 dark:text-emerald-100`}
                data-testid="user-two-factor"
              >
                Two-factor on
              </span>
            )}
            {!user.emailVerified && (
              <span
                className={`ml-2 ${pill} bg-amber-100 text-amber-900 dark:bg-amber-900 dark:text-amber-100`}
              >
                Email not verified
              </span>
            )}
          </>
        }
      >
        <p className="text-xs text-slate-600 dark:text-slate-300">
          Joined {formatDateTime(user.createdAt)} · last seen{' '}
          {user.lastSeenAt ? formatDateTime(user.lastSeenAt) : 'never'}
        </p>
      </PersonSummary>
      <RoleSelect
        id={`admin-role-${user.id}`}
        person={user.name}
        value={user.role}
        roles={roleNames}
        onChange={onRoleChange}
        testId="user-role"
      />
      {user.disabled ? (
        <Button
          variant="secondary"
          size="sm"
          aria-label={`Enable ${user.name}`}
          onClick={onEnable}
          disabled={enabling}
        >
          {enabling ? 'Enabling…' : 'Enable'}
        </Button>
      ) : (
        !isYou && (
          <Button
            variant="secondary"
            size="sm"
            aria-label={`Disable ${user.name}`}
            onClick={onDisable}
          >
            Disable
          </Button>
        )
      )}
      {!isYou && (
        <Button
          variant="secondary"
          size="sm"
          aria-label={`Sign out everywhere: ${user.name}`}
          onClick={onSignOut}
        >
          Sign out everywhere
        </Button>
      )}
    </li>
  );
}
