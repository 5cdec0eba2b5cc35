import type { FieldChange } from '@taskflow/contract';
import { version } from '../../version.ts';
import { ARCHIVE_FORMAT, ARCHIVE_FORMAT_VERSION, type ArchiveDocument } from './archive.format.ts';
import type { ArchiveExportRepository } from './archive-export.repository.ts';

type Rows<K extends keyof ArchiveExportRepository> = Awaited<
  ReturnType<ArchiveExportRepository[K]>
>;

/** Everything an archive reads of a workspace, as the export repository gives it. */
export type WorkspaceRows = {
  workspace: NonNullable<Rows<'workspace'>>;
  members: Rows<'members'>;
  labels: Rows<'labels'>;
  tasks: Rows<'tasks'>;
  followers: Rows<'followers'>;
  comments: Rows<'comments'>;
  attachments: Rows<'attachments'>;
  history: Rows<'history'>;
};

/** A stored file to copy into the archive as `path`. */
export type ArchiveFile = { path: string; storageKey: string; size: number };

type Details = {
  changes?: FieldChange[];
  commentId?: string;
  attachment?: { id: string; name: string };
};

const assigneeChanges = (details: Details) =>
  (details.changes ?? []).filter((c) => c.field === 'assigneeId');

/** Every account the rows name: members, authors, assignees (history included), followers. */
export function referencedUsers(rows: WorkspaceRows): string[] {
  const ids = new Set<string>();
  const add = (id: string | null | undefined) => {
    if (id) ids.add(id);
  };
  for (const m of rows.members) add(m.user_id);
  for (const t of rows.tasks) {
    add(t.assignee_id);
    add(t.created_by);
  }
  for (const f of rows.followers) add(f.user_id);
  for (const c of rows.comments) add(c.author_id);
  for (const a of rows.attachments) add(a.uploader_id);
  for (const h of rows.history) {
    add(h.actor_id);
    for (const c of assigneeChanges(h.details as Details)) {
      for (const v of [c.from, c.to]) if (typeof v === 'string') add(v);
    }
  }
  return [...ids].sort();
}

/**
 * The archive's document: ids of the source kept as references within it, people named by
 * email, the files numbered in the order of `files`.
 */
export function archiveDocument(
  rows: WorkspaceRows,
  users: { id: string; email: string; name: string }[],
  archive: { id: string; exportedAt: string },
): { document: ArchiveDocument; files: ArchiveFile[] } {
  const emails = new Map(users.map((u) => [u.id, u.email.toLowerCase()]));
  const email = (id: string | null) => (id ? (emails.get(id) ?? null) : null);
  const roles = new Map(rows.members.map((m) => [m.user_id, m.role]));
  const followers = new Map<string, string[]>();
  for (const f of rows.followers) {
    const who = email(f.user_id);
    if (who) followers.set(f.task_id, [...(followers.get(f.task_id) ?? []), who]);
  }
  const files = rows.attachments.map((a, n) => ({
    path: `files/${n}`,
    storageKey: a.storage_key,
    size: a.size,
  }));
  const document: ArchiveDocument = {
    format: ARCHIVE_FORMAT,
    formatVersion: ARCHIVE_FORMAT_VERSION,
    taskflowVersion: version,
    archiveId: archive.id,
    exportedAt: archive.exportedAt,
    workspace: {
      id: rows.workspace.id,
      name: rows.workspace.name,
      personal: rows.workspace.personal,
      createdAt: rows.workspace.created_at,
      updatedAt: rows.workspace.updated_at,
    },
    people: users.map((u) => ({
      email: u.email.toLowerCase(),
      name: u.name,
      role: roles.get(u.id) ?? null,
    })),
    labels: rows.labels.map((l) => ({
      name: l.name,
      colour: l.colour,
      createdAt: l.created_at,
      updatedAt: l.updated_at,
    })),
    tasks: rows.tasks.map((t) => ({
      id: t.id,
      title: t.title,
      description: t.description,
      status: t.status,
      priority: t.priority,
      dueDate: t.due_date,
      assignee: email(t.assignee_id),
      labels: t.labels,
      createdBy: email(t.created_by),
      followers: followers.get(t.id) ?? [],
      createdAt: t.created_at,
      updatedAt: t.updated_at,
      completedAt: t.completed_at,
      deletedAt: t.deleted_at,
    })),
    comments: rows.comments.map((c) => ({
      id: c.id,
      taskId: c.task_id,
      author: email(c.author_id),
      body: c.body,
      createdAt: c.created_at,
      updatedAt: c.updated_at,
      editedAt: c.edited_at,
      deletedAt: c.deleted_at,
    })),
    attachments: rows.attachments.map((a, n) => ({
      id: a.id,
      taskId: a.task_id,
      file: files[n]?.path ?? '',
      name: a.name,
      contentType: a.content_type as ArchiveDocument['attachments'][number]['contentType'],
      size: a.size,
      uploader: email(a.uploader_id),
      createdAt: a.created_at,
    })),
    history: rows.history.map((h) => {
      const details = h.details as Details;
      // An assignee, like every person in the archive, is named by email.
      const changes = details.changes?.map((c) =>
        c.field === 'assigneeId'
          ? {
              ...c,
              from: typeof c.from === 'string' ? email(c.from) : null,
              to: typeof c.to === 'string' ? email(c.to) : null,
            }
          : c,
      );
      return {
        taskId: h.task_id,
        actor: email(h.actor_id),
        kind: h.kind as ArchiveDocument['history'][number]['kind'],
        ...(changes ? { changes } : {}),
        ...(details.commentId ? { commentId: details.commentId } : {}),
        ...(details.attachment ? { attachment: details.attachment } : {}),
        createdAt: h.created_at,
      };
    }),
  };
  return { document, files };
}
