import type { TaskPriority, TaskStatus, WorkspaceRole } from '@taskflow/contract';
import { type Insertable, type Kysely, sql } from 'kysely';
import type {
  DB,
  TaskAttachmentsTable,
  TaskCommentsTable,
  TaskHistoryTable,
  WorkspaceLabelsTable,
} from '../../db/schema.ts';

/** Rows per insert statement: well under PostgreSQL's 65,535 parameters at 15 columns a row. */
const CHUNK = 1_000;

async function inChunks<T>(rows: T[], insert: (chunk: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += CHUNK) await insert(rows.slice(i, i + CHUNK));
}

export type NewTaskRow = {
  id: string;
  workspace_id: string;
  title: string;
  description: string;
  status: TaskStatus;
  priority: TaskPriority;
  due_date: string | null;
  assignee_id: string | null;
  labels: string[];
  position: string;
  created_by: string | null;
  created_at: string;
  updated_at: string;
  completed_at: string | null;
  deleted_at: string | null;
};

/** The statements of an import: lookups first, then the new workspace's rows, in one transaction. */
export function createArchiveImportRepository(db: Kysely<DB>) {
  const imports = db
    .selectFrom('workspace_imports as i')
    .innerJoin('workspaces as w', 'w.id', 'i.workspace_id')
    .select([
      'i.archive_id',
      'i.source_workspace_id',
      'i.workspace_id',
      'w.name',
      'i.exported_at',
      'i.imported_at',
    ]);

  return {
    /** The workspace an archive made here, if it was imported before (and not deleted since). */
    findImport: (archiveId: string) =>
      imports.where('i.archive_id', '=', archiveId).executeTakeFirst(),

    /** The latest import here of any archive of the source workspace. */
    findImportOfSource: (sourceWorkspaceId: string) =>
      imports
        .where('i.source_workspace_id', '=', sourceWorkspaceId)
        .orderBy('i.imported_at', 'desc')
        .limit(1)
        .executeTakeFirst(),

    /** Imports of one source workspace wait for each other until the transaction ends. */
    lockSource: async (sourceWorkspaceId: string) => {
      await sql`select pg_advisory_xact_lock(hashtextextended(${`workspace-import:${sourceWorkspaceId}`}, 0))`.execute(
        db,
      );
    },

    /** The accounts with these addresses (compared in lower case). */
    usersByEmail: (emails: string[]) =>
      emails.length === 0
        ? Promise.resolve([])
        : db
            .selectFrom('users')
            .select(['id', sql<string>`lower(email)`.as('email'), 'name'])
            .where(
              sql<string>`lower(email)`,
              'in',
              emails.map((e) => e.toLowerCase()),
            )
            .execute(),

    /** How many workspaces each of these users belongs to. */
    membershipCounts: (userIds: string[]) =>
      userIds.length === 0
        ? Promise.resolve([])
        : db
            .selectFrom('workspace_members')
            .select(['user_id', sql<number>`count(*)::int`.as('n')])
            .where('user_id', 'in', userIds)
            .groupBy('user_id')
            .execute(),

    insertWorkspace: (row: { id: string; name: string; createdBy: string; createdAt: string }) =>
      db
        .insertInto('workspaces')
        .values({
          id: row.id,
          name: row.name,
          created_by: row.createdBy,
          created_at: row.createdAt,
        })
        .returning(['id', 'name', 'personal', 'updated_at'])
        .executeTakeFirstOrThrow(),

    insertMembers: (workspaceId: string, members: { userId: string; role: WorkspaceRole }[]) =>
      db
        .insertInto('workspace_members')
        .values(
          members.map((m) => ({ workspace_id: workspaceId, user_id: m.userId, role: m.role })),
        )
        .returning(['user_id', 'role', 'created_at'])
        .execute(),

    insertLabels: (rows: Insertable<WorkspaceLabelsTable>[]) =>
      inChunks(rows, (chunk) => db.insertInto('workspace_labels').values(chunk).execute()),

    insertTasks: (rows: NewTaskRow[]) =>
      inChunks(rows, (chunk) => db.insertInto('tasks').values(chunk).execute()),

    insertFollowers: (rows: { task_id: string; user_id: string }[]) =>
      inChunks(rows, (chunk) => db.insertInto('task_followers').values(chunk).execute()),

    insertComments: (rows: Insertable<TaskCommentsTable>[]) =>
      inChunks(rows, (chunk) => db.insertInto('task_comments').values(chunk).execute()),

    insertAttachments: (rows: Insertable<TaskAttachmentsTable>[]) =>
      inChunks(rows, (chunk) => db.insertInto('task_attachments').values(chunk).execute()),

    insertHistory: (rows: Insertable<TaskHistoryTable>[]) =>
      inChunks(rows, (chunk) => db.insertInto('task_history').values(chunk).execute()),

    recordImport: (row: {
      archiveId: string;
      sourceWorkspaceId: string;
      workspaceId: string;
      exportedAt: string;
    }) =>
      db
        .insertInto('workspace_imports')
        .values({
          archive_id: row.archiveId,
          source_workspace_id: row.sourceWorkspaceId,
          workspace_id: row.workspaceId,
          exported_at: row.exportedAt,
        })
        .execute(),
  };
}

export type ArchiveImportRepository = ReturnType<typeof createArchiveImportRepository>;
export type ImportRecord = NonNullable<Awaited<ReturnType<ArchiveImportRepository['findImport']>>>;
