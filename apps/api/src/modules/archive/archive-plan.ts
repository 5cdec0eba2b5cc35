import { randomUUID } from 'node:crypto';
import { MAX_WORKSPACES_PER_USER, type TaskStatus, type WorkspaceRole } from '@taskflow/contract';
import { generateNKeysBetween } from 'fractional-indexing';
import type { NewEvent } from '../events/index.ts';
import type { ArchiveDocument, ArchiveHistory, ArchiveTask } from './archive.format.ts';
import type { NewTaskRow } from './archive-import.repository.ts';

/** An account of this instance that an archive's email address names. */
type Account = { id: string; email: string; name: string };

/** Who becomes a member of the new workspace, and who could not. */
export type MemberMatch = {
  added: { userId: string; email: string; role: WorkspaceRole }[];
  /** Members in the archive with no account here: not added (no account is made). */
  unmatched: string[];
  /** Members with an account here that could not join, and why. */
  skipped: { email: string; reason: string }[];
};

/**
 * Members matched by email: the owner named by the operator first (an owner, whatever the
 * archive says), then each member of the archive who has an account here and room for one
 * more workspace, in their role.
 */
export function matchMembers(
  document: ArchiveDocument,
  owner: Account,
  accounts: Map<string, Account>,
  memberships: Map<string, number>,
): MemberMatch {
  const match: MemberMatch = {
    added: [{ userId: owner.id, email: owner.email, role: 'owner' }],
    unmatched: [],
    skipped: [],
  };
  for (const person of document.people) {
    if (person.role === null || person.email === owner.email) continue;
    const account = accounts.get(person.email);
    if (!account) match.unmatched.push(person.email);
    else if ((memberships.get(account.id) ?? 0) >= MAX_WORKSPACES_PER_USER) {
      match.skipped.push({
        email: person.email,
        reason: `already belongs to ${MAX_WORKSPACES_PER_USER} workspaces`,
      });
    } else match.added.push({ userId: account.id, email: person.email, role: person.role });
  }
  return match;
}

/** A completion time that agrees with the status, as every change of status keeps it. */
function completedAt(task: ArchiveTask, status: TaskStatus) {
  if (status !== 'done') return null;
  return task.completedAt ?? task.updatedAt;
}

/**
 * The new workspace's rows, every id new: tasks keep the archive's order under new positions,
 * people become the accounts their addresses name here (or no one), and an assignee must be a
 * member. `storageKeys` gives each file of the archive the key its bytes were stored under.
 */
export function planRows(
  document: ArchiveDocument,
  workspaceId: string,
  accounts: Map<string, Account>,
  members: MemberMatch,
  storageKeys: Map<string, string>,
) {
  const ids = new Map<string, string>();
  /** The new id of a source id: the same one each time it is met. */
  const remap = (id: string) => {
    let next = ids.get(id);
    if (!next) {
      next = randomUUID();
      ids.set(id, next);
    }
    return next;
  };
  const person = (email: string | null) => (email ? (accounts.get(email)?.id ?? null) : null);
  const memberIds = new Map(members.added.map((m) => [m.email, m.userId]));
  const member = (email: string | null) => (email ? (memberIds.get(email) ?? null) : null);

  const positions = generateNKeysBetween(null, null, document.tasks.length);
  const tasks: NewTaskRow[] = document.tasks.map((t, i) => ({
    id: remap(t.id),
    workspace_id: workspaceId,
    title: t.title,
    description: t.description,
    status: t.status,
    priority: t.priority,
    due_date: t.dueDate,
    assignee_id: member(t.assignee),
    labels: t.labels,
    position: positions[i] ?? '',
    created_by: person(t.createdBy),
    created_at: t.createdAt,
    updated_at: t.updatedAt,
    completed_at: completedAt(t, t.status),
    deleted_at: t.deletedAt,
  }));
  const followers = document.tasks.flatMap((t) =>
    [...new Set(t.followers.flatMap((f) => member(f) ?? []))].map((userId) => ({
      task_id: remap(t.id),
      user_id: userId,
    })),
  );
  const labels = document.labels.map((l) => ({
    workspace_id: workspaceId,
    name: l.name,
    colour: l.colour,
    created_at: l.createdAt,
    updated_at: l.updatedAt,
  }));
  const comments = document.comments.map((c) => ({
    id: remap(c.id),
    workspace_id: workspaceId,
    task_id: remap(c.taskId),
    author_id: person(c.author),
    body: c.body,
    created_at: c.createdAt,
    updated_at: c.updatedAt,
    edited_at: c.editedAt,
    deleted_at: c.deletedAt,
  }));
  const attachments = document.attachments.map((a) => ({
    id: remap(a.id),
    workspace_id: workspaceId,
    task_id: remap(a.taskId),
    uploader_id: person(a.uploader),
    name: a.name,
    content_type: a.contentType,
    size: a.size,
    storage_key: storageKeys.get(a.file) ?? '',
    state: 'ready' as const,
    created_at: a.createdAt,
  }));
  const history = document.history.map((h) => historyRow(h, workspaceId, remap, person));
  const unassigned = document.tasks.filter((t) => t.assignee && !member(t.assignee)).length;
  return { tasks, followers, labels, comments, attachments, history, unassigned };
}

function historyRow(
  h: ArchiveHistory,
  workspaceId: string,
  remap: (id: string) => string,
  person: (email: string | null) => string | null,
) {
  // An assignee was an email address in the archive; here it is an account, or no one.
  const changes = h.changes?.map((c) =>
    c.field === 'assigneeId'
      ? {
          ...c,
          from: typeof c.from === 'string' ? person(c.from) : null,
          to: typeof c.to === 'string' ? person(c.to) : null,
        }
      : c,
  );
  const details = {
    ...(changes ? { changes } : {}),
    ...(h.commentId ? { commentId: remap(h.commentId) } : {}),
    ...(h.attachment ? { attachment: { ...h.attachment, id: remap(h.attachment.id) } } : {}),
  };
  return {
    workspace_id: workspaceId,
    task_id: remap(h.taskId),
    actor_id: person(h.actor),
    kind: h.kind,
    details: JSON.stringify(details),
    created_at: h.createdAt,
  };
}

/** The events of a new workspace: its owner and each member join it, live. */
export function joinEvents(
  workspace: { id: string; name: string; personal: boolean; updated_at: string },
  ownerId: string,
  joined: { user_id: string; role: 'owner' | 'member'; created_at: string }[],
  accounts: Map<string, Account>,
): NewEvent[] {
  const others = joined.filter((m) => m.user_id !== ownerId);
  const byId = new Map([...accounts.values()].map((a) => [a.id, a]));
  const created: NewEvent = {
    type: 'workspace.created',
    workspaceId: workspace.id,
    userId: ownerId,
    actorId: null,
    data: {
      workspace: {
        id: workspace.id,
        name: workspace.name,
        personal: workspace.personal,
        updatedAt: workspace.updated_at,
      },
    },
  };
  return [
    created,
    ...others.map((m) => ({
      type: 'member.added',
      workspaceId: workspace.id,
      userId: m.user_id,
      actorId: null,
      data: {
        member: {
          userId: m.user_id,
          name: byId.get(m.user_id)?.name ?? '',
          email: byId.get(m.user_id)?.email ?? '',
          role: m.role,
          joinedAt: m.created_at,
        },
      },
    })),
  ];
}
