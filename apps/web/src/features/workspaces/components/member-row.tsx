import type { components } from '@taskflow/contract/openapi';
import { PersonSummary } from '../../../components/person-summary.tsx';
import { RoleSelect } from '../../../components/role-select.tsx';

type Member = components['schemas']['Member'];
type Role = components['schemas']['WorkspaceRole'];

const roleNames: Record<Role, string> = { owner: 'Owner', member: 'Member' };

/** One member; owners see the controls to change their role or remove them. */
export function MemberRow({
  member,
  isYou,
  manage,
  onRoleChange,
  onRemove,
}: {
  member: Member;
  isYou: boolean;
  manage: boolean;
  onRoleChange: (role: Role) => void;
  onRemove: () => void;
}) {
  return (
    <li className="flex flex-wrap items-center gap-3 py-3" data-testid="member-row">
      <PersonSummary
        name={member.name}
        email={member.email}
        isYou={isYou}
        nameTestId="member-name"
      />
      {manage ? (
        <>
          <RoleSelect
            id={`role-${member.userId}`}
            person={member.name}
            value={member.role}
            roles={roleNames}
            onChange={onRoleChange}
            testId="member-role"
          />
          {!isYou && (
            <button
              type="button"
              onClick={onRemove}
              className="rounded-md border border-red-300 px-3 py-1.5 text-sm text-red-800 hover:bg-red-50 dark:border-red-800 dark:text-red-300 dark:hover:bg-red-950"
            >
              Remove<span className="sr-only"> {member.name}</span>
            </button>
          )}
        </>
      ) : (
        <span className="text-sm" data-testid="member-role">
          {roleNames[member.role]}
        </span>
      )}
    </li>
  );
}
