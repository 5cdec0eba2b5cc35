import {
  ATTACHMENTS_PER_TASK_MAX,
  AttachmentName,
  AttachmentType,
  CommentBody,
  DueDate,
  Email,
  HISTORY_FIELDS,
  HISTORY_KINDS,
  Label,
  LabelColour,
  Labels,
  MAX_LABELS,
  MAX_MEMBERS_PER_WORKSPACE,
  MAX_WORKSPACE_LABELS,
  noControlCharacters,
  TaskDescription,
  TaskPriority,
  TaskStatus,
  TaskTitle,
  WorkspaceName,
  WorkspaceRole,
} from '@taskflow/contract';
import { z } from 'zod';

/** What `workspace.json` says it is; a reader refuses any other format or a later version. */
export const ARCHIVE_FORMAT = 'taskflow.workspace-archive';
export const ARCHIVE_FORMAT_VERSION = 1;
export const DOCUMENT_PATH = 'workspace.json';
/** `files/<n>`: the bytes of an attachment, named by a number the document gives it. */
export const FILE_PATH = /^files\/(0|[1-9]\d{0,5})$/;

/** Bounds of one archive: a document larger than these is refused before it is read. */
export const ARCHIVE_LIMITS = {
  documentBytes: 128 * 1024 * 1024,
  people: 10_000,
  tasks: 100_000,
  comments: 500_000,
  attachments: 100_000,
  history: 1_000_000,
} as const;

const Id = z.uuid();
const Time = z.iso.datetime();
/** A person, by their email address: how an archive names members, authors and assignees. */
const Person = Email;

const Workspace = z.strictObject({
  id: Id,
  name: WorkspaceName,
  personal: z.boolean(),
  createdAt: Time,
  updatedAt: Time,
});

const PersonEntry = z.strictObject({
  email: Email,
  name: z.string().max(200).refine(noControlCharacters),
  /** Null: no longer a member, named by what they wrote, made or were assigned. */
  role: WorkspaceRole.nullable(),
});

const LabelEntry = z.strictObject({
  name: Label,
  colour: LabelColour,
  createdAt: Time,
  updatedAt: Time,
});

/** A task, in the workspace's manual order (the array's order); `deletedAt`: in the trash. */
const TaskEntry = z.strictObject({
  id: Id,
  title: TaskTitle,
  description: TaskDescription,
  status: TaskStatus,
  priority: TaskPriority,
  dueDate: DueDate.nullable(),
  assignee: Person.nullable(),
  labels: Labels,
  createdBy: Person.nullable(),
  followers: z.array(Person).max(ARCHIVE_LIMITS.people),
  createdAt: Time,
  updatedAt: Time,
  completedAt: Time.nullable(),
  deletedAt: Time.nullable(),
});

const CommentEntry = z.strictObject({
  id: Id,
  taskId: Id,
  author: Person.nullable(),
  body: CommentBody,
  createdAt: Time,
  updatedAt: Time,
  editedAt: Time.nullable(),
  deletedAt: Time.nullable(),
});

const AttachmentEntry = z.strictObject({
  id: Id,
  taskId: Id,
  /** The archive entry holding its bytes. */
  file: z.string().regex(FILE_PATH),
  name: AttachmentName,
  contentType: AttachmentType,
  size: z.int().min(1).max(Number.MAX_SAFE_INTEGER),
  uploader: Person.nullable(),
  createdAt: Time,
});

/** A value before or after a change; an assignee is an email address here. */
const FieldValue = z.union([
  z.string().max(254),
  z.array(z.string().max(50)).max(MAX_LABELS),
  z.null(),
]);
const FieldChange = z
  .strictObject({ field: z.enum(HISTORY_FIELDS), from: FieldValue, to: FieldValue })
  .refine(
    (c) =>
      c.field === 'assigneeId' ||
      [c.from, c.to].every((v) => typeof v !== 'string' || v.length <= 200),
    'A changed value has at most 200 characters',
  );

const HistoryEntry = z.strictObject({
  taskId: Id,
  actor: Person.nullable(),
  kind: z.enum(HISTORY_KINDS),
  changes: z.array(FieldChange).max(HISTORY_FIELDS.length).optional(),
  commentId: Id.optional(),
  attachment: z.strictObject({ id: Id, name: z.string().max(200) }).optional(),
  createdAt: Time,
});

/** Just enough to tell another format, or another version of this one, before reading further. */
export const ArchiveEnvelope = z.object({
  format: z.string().max(100),
  formatVersion: z.int(),
  taskflowVersion: z.string().max(50).optional(),
});

const Document = z.strictObject({
  format: z.literal(ARCHIVE_FORMAT),
  formatVersion: z.literal(ARCHIVE_FORMAT_VERSION),
  taskflowVersion: z.string().max(50),
  /** Names this archive: a second import of it makes nothing. */
  archiveId: Id,
  exportedAt: Time,
  workspace: Workspace,
  people: z.array(PersonEntry).max(ARCHIVE_LIMITS.people),
  labels: z.array(LabelEntry).max(MAX_WORKSPACE_LABELS),
  tasks: z.array(TaskEntry).max(ARCHIVE_LIMITS.tasks),
  comments: z.array(CommentEntry).max(ARCHIVE_LIMITS.comments),
  attachments: z.array(AttachmentEntry).max(ARCHIVE_LIMITS.attachments),
  history: z.array(HistoryEntry).max(ARCHIVE_LIMITS.history),
});
export type ArchiveDocument = z.infer<typeof Document>;
export type ArchiveTask = ArchiveDocument['tasks'][number];
export type ArchiveHistory = ArchiveDocument['history'][number];

type Ctx = z.RefinementCtx<ArchiveDocument>;

type Path = (string | number)[];

/** Each value once (an archive made by TaskFlow never repeats an id, a name or a file). */
function unique(ctx: Ctx, list: string, values: string[], field: string) {
  const seen = new Set<string>();
  values.forEach((value, i) => {
    if (seen.has(value))
      ctx.addIssue({ code: 'custom', message: 'Repeated', path: [list, i, field] });
    seen.add(value);
  });
}

/** Every reference names something the document holds, and the members fit a workspace. */
function references(doc: ArchiveDocument, ctx: Ctx) {
  unique(
    ctx,
    'people',
    doc.people.map((p) => p.email),
    'email',
  );
  unique(
    ctx,
    'labels',
    doc.labels.map((l) => l.name.toLowerCase()),
    'name',
  );
  unique(
    ctx,
    'tasks',
    doc.tasks.map((t) => t.id),
    'id',
  );
  unique(
    ctx,
    'comments',
    doc.comments.map((c) => c.id),
    'id',
  );
  unique(
    ctx,
    'attachments',
    doc.attachments.map((a) => a.id),
    'id',
  );
  unique(
    ctx,
    'attachments',
    doc.attachments.map((a) => a.file),
    'file',
  );
  if (doc.people.filter((p) => p.role !== null).length > MAX_MEMBERS_PER_WORKSPACE) {
    const message = `A workspace has at most ${MAX_MEMBERS_PER_WORKSPACE} members`;
    ctx.addIssue({ code: 'custom', message, path: ['people'] });
  }
  const people = new Set(doc.people.map((p) => p.email));
  const tasks = new Set(doc.tasks.map((t) => t.id));
  const person = (email: string | null, path: Path) => {
    if (email !== null && !people.has(email)) {
      ctx.addIssue({ code: 'custom', message: 'Not one of the people listed', path });
    }
  };
  const task = (id: string, path: Path) => {
    if (!tasks.has(id)) ctx.addIssue({ code: 'custom', message: 'Not one of the tasks', path });
  };
  doc.tasks.forEach((t, i) => {
    person(t.assignee, ['tasks', i, 'assignee']);
    person(t.createdBy, ['tasks', i, 'createdBy']);
    t.followers.forEach((f, j) => {
      person(f, ['tasks', i, 'followers', j]);
    });
  });
  doc.comments.forEach((c, i) => {
    task(c.taskId, ['comments', i, 'taskId']);
    person(c.author, ['comments', i, 'author']);
  });
  const perTask = new Map<string, number>();
  doc.attachments.forEach((a, i) => {
    task(a.taskId, ['attachments', i, 'taskId']);
    person(a.uploader, ['attachments', i, 'uploader']);
    perTask.set(a.taskId, (perTask.get(a.taskId) ?? 0) + 1);
    if ((perTask.get(a.taskId) ?? 0) > ATTACHMENTS_PER_TASK_MAX) {
      const message = `A task holds at most ${ATTACHMENTS_PER_TASK_MAX} files`;
      ctx.addIssue({ code: 'custom', message, path: ['attachments', i] });
    }
  });
  doc.history.forEach((h, i) => {
    task(h.taskId, ['history', i, 'taskId']);
    person(h.actor, ['history', i, 'actor']);
  });
}

/** `workspace.json`, checked whole: its shape, its bounds, and that its references hold. */
export const ArchiveDocument = Document.superRefine(references);
