import type { Member } from '../model/task-types.ts';

/** One option a member of the workspace, valued by user id. */
export function MemberOptions({ members }: { members: readonly Member[] }) {
  return members.map((member) => (
    <option key={member.userId} value={member.userId}>
      {member.name}
    </option>
  ));
}
