import { LazyMarkdown } from '../../../components/markdown/index.ts';
import { TextLink } from '../../../components/text-link.tsx';
import { useCreateComment } from '../api/create-comment.ts';
import { useAttachments } from '../api/get-attachments.ts';
import { useTask } from '../api/get-task.ts';
import { useFileDrop } from '../hooks/use-file-drop.ts';
import { useUploads } from '../hooks/use-uploads.ts';
import { statusLabels } from '../model/task-types.ts';
import { TaskLoading } from './board-states.tsx';
import { CommentComposer } from './comment-composer.tsx';
import { TaskAttachments } from './task-attachments.tsx';
import { TaskMeta } from './task-meta.tsx';
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

/**
 * A task on a page of its own: its fields, its description, its files, and its comments and
 * history. Files dropped anywhere on the page are attached to it.
 */
export function TaskPage({ workspaceId, taskId, members, permissions }: TaskThreadProps) {
  const task = useTask(workspaceId, taskId);
  const create = useCreateComment(workspaceId, taskId);
  const limits = useAttachments(workspaceId, taskId).data?.upload;
  const uploads = useUploads(workspaceId, taskId, limits);
  const dragging = useFileDrop((files) => {
    if (task.data) uploads.start(files);
  });
  const byId = new Map(members.map((member) => [member.userId, member]));
  const markdownMembers = members.map((member) => ({ id: member.userId, name: member.name }));

  return (
    <div className="mx-auto w-full max-w-3xl min-w-0 space-y-6" data-testid="task-page">
      <TextLink to="/w/$workspaceId" params={{ workspaceId }} className="text-sm">
        ← Back to board
      </TextLink>
      {dragging && task.data && <DropOverlay />}
      <TaskLoading task={task} />
      {task.data && (
        <>
          <header className="space-y-2">
            <h1 className="break-words text-2xl font-semibold" data-testid="task-page-title">
              {task.data.title}
            </h1>
            <div className="flex flex-wrap items-center gap-2">
              <span
                className="rounded-full bg-indigo-100 px-2 py-0.5 text-xs font-medium text-indigo-900 dark:bg-indigo-950 dark:text-indigo-200"
                data-testid="task-status"
              >
                <span className="sr-only">Status: </span>
                {statusLabels[task.data.status]}
              </span>
              <TaskMeta task={task.data} members={byId} />
            </div>
          </header>
          <section aria-label="Description" className="min-w-0 break-words text-sm">
            {task.data.description ? (
              <LazyMarkdown text={task.data.description} members={markdownMembers} />
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
          <TaskTimeline
            workspaceId={workspaceId}
            taskId={taskId}
            members={members}
            permissions={permissions}
          />
          <CommentComposer
            members={members}
            label="Comment"
            submitLabel="Comment"
            onSubmit={(body) => create.mutateAsync(body)}
          />
        </>
      )}
    </div>
  );
}
