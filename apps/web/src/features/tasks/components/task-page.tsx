import { useRouter } from '@tanstack/react-router';
import { CopyLinkButton } from '../../../components/copy-link-button.tsx';
import { LazyMarkdown } from '../../../components/markdown/index.ts';
import { TextLink } from '../../../components/text-link.tsx';
import { useCreateComment } from '../api/create-comment.ts';
import { useAttachments } from '../api/get-attachments.ts';
import { isTaskGone, useTask } from '../api/get-task.ts';
import { useTaskDeletion } from '../api/task-deletions.ts';
import { useFileDrop } from '../hooks/use-file-drop.ts';
import { useUploads } from '../hooks/use-uploads.ts';
import { type Member, statusLabels, type Task } from '../model/task-types.ts';
import { TaskLoading } from './board-states.tsx';
import { CommentComposer } from './comment-composer.tsx';
import { StatusIcon } from './status-icon.tsx';
import { TaskAttachments } from './task-attachments.tsx';
import { TaskDeleted } from './task-deleted.tsx';
import { TaskMeta } from './task-meta.tsx';
import { TaskReferenceLink } from './task-reference-link.tsx';
import { type TaskThreadProps, TaskTimeline } from './task-timeline.tsx';

/** What the page shows while files are dragged over it: they are attached wherever they drop. */
function DropOverlay() {
  return (
    <div
      className="pointer-events-none fixed inset-0 z-50 flex items-center justify-center bg-indigo-950/20 p-4"
      data-testid="drop-overlay"
    >
      <p className="rounded-lg border-2 border-dashed border-indigo-600 bg-white px-6 py-8 text-center text-lg font-medium text-slate-900 shadow-lg dark:border-indigo-400 dark:bg-slate-900 dark:text-slate-100">
        Drop files to attach them to this task
      </p>
    </div>
  );
}

/** The task's address, absolute, to paste anywhere (a comment shows it as a link to the task). */
function useTaskUrl(workspaceId: string, taskId: string): string {
  const router = useRouter();
  const { href } = router.buildLocation({
    to: '/w/$workspaceId/t/$taskId',
    params: { workspaceId, taskId },
  });
  return new URL(href, window.location.origin).href;
}

type TaskPageBodyProps = TaskThreadProps & {
  task: Task;
  byId: ReadonlyMap<string, Member>;
};

/** The task itself: its fields, description, files, timeline and the comment box. */
function TaskPageBody({ task, byId, ...thread }: TaskPageBodyProps) {
  const { workspaceId, taskId, members, permissions } = thread;
  const create = useCreateComment(workspaceId, taskId);
  const limits = useAttachments(workspaceId, taskId).data?.upload;
  const uploads = useUploads(workspaceId, taskId, limits);
  const dragging = useFileDrop((files) => uploads.start(files));
  const url = useTaskUrl(workspaceId, taskId);
  const markdownMembers = members.map((member) => ({ id: member.userId, name: member.name }));

  return (
    <>
      {dragging && <DropOverlay />}
      <header className="space-y-2">
        <div className="flex flex-wrap items-start justify-between gap-2">
          <h1 className="min-w-0 break-words text-2xl font-semibold" data-testid="task-page-title">
            {task.title}
          </h1>
          <CopyLinkButton url={url} />
        </div>
        <div className="flex flex-wrap items-center gap-2">
          <span
            className="inline-flex items-center gap-1 rounded-full bg-indigo-100 px-2 py-0.5 text-xs font-medium text-indigo-900 dark:bg-indigo-950 dark:text-indigo-200"
            data-testid="task-status"
          >
            <StatusIcon status={task.status} decorative className="h-3.5 w-3.5" />
            <span className="sr-only">Status: </span>
            {statusLabels[task.status]}
          </span>
          <TaskMeta task={task} members={byId} />
        </div>
      </header>
      <section aria-label="Description" className="min-w-0 break-words text-sm">
        {task.description ? (
          <LazyMarkdown
            text={task.description}
            members={markdownMembers}
            taskLink={TaskReferenceLink}
          />
        ) : (
          <p className="text-slate-600 dark:text-slate-300">No description.</p>
        )}
      </section>
      <TaskAttachments
        workspaceId={workspaceId}
        taskId={taskId}
        members={members}
        permissions={permissions}
        uploads={uploads}
      />
      <TaskTimeline {...thread} />
      <CommentComposer
        members={members}
        label="Comment"
        submitLabel="Comment"
        onSubmit={(body) => create.mutateAsync(body)}
      />
    </>
  );
}

/**
 * A task on a page of its own: its fields, its description, its files, and its comments and
 * history. Files dropped anywhere on the page are attached to it. A task deleted while its page
 * is open (a live event says so, or it answers 404 when refetched) gives way to a notice that
 * offers to restore it; restored, it comes back.
 */
export function TaskPage(props: TaskThreadProps) {
  const { workspaceId, taskId, members, permissions } = props;
  const deletion = useTaskDeletion(workspaceId, taskId);
  // Deleted: nothing to ask the API for, until a live event or Restore brings the task back.
  const task = useTask(workspaceId, taskId, { enabled: deletion === undefined });
  const deleted = deletion !== undefined || (task.data !== undefined && isTaskGone(task.error));
  const byId = new Map(members.map((member) => [member.userId, member]));

  return (
    <div className="mx-auto w-full max-w-3xl min-w-0 space-y-6" data-testid="task-page">
      <TextLink to="/w/$workspaceId" params={{ workspaceId }} className="text-sm">
        ← Back to board
      </TextLink>
      {deleted ? (
        <TaskDeleted
          workspaceId={workspaceId}
          taskId={taskId}
          title={deletion?.title ?? task.data?.title ?? null}
          deletion={deletion}
          members={byId}
          currentUserId={permissions.currentUserId}
        />
      ) : (
        <>
          <TaskLoading task={task} />
          {task.data && <TaskPageBody {...props} task={task.data} byId={byId} />}
        </>
      )}
    </div>
  );
}
