import { useRef, useState } from 'react';
import { toast } from 'sonner';
import { humanMessage } from '../../../api/error-message.ts';
import { Dialog } from '../../../components/dialog.tsx';
import { TextLink } from '../../../components/text-link.tsx';
import { useDeleteTask } from '../api/delete-task.ts';
import { useTask } from '../api/get-task.ts';
import { useUpdateTask } from '../api/update-task.ts';
import { conflictOf, type TaskChanges } from '../model/conflict.ts';
import type { Member, Task } from '../model/task-types.ts';
import { TaskLoading } from './board-states.tsx';
import { ConflictDialog } from './conflict-dialog.tsx';
import { DiscardChangesDialog } from './discard-changes-dialog.tsx';
import { FollowToggle } from './follow-toggle.tsx';
import { TaskForm } from './task-form.tsx';

type Conflict = { current: Task; mine: TaskChanges };

/**
 * One task, opened from its URL: edit and save with If-Match. A stale save opens the conflict
 * dialog; "Keep mine" sends the same edit again on the current version. Closing it with unsaved
 * edits (Escape, a click outside, Cancel, ×) asks first (decision 0026).
 */
export function TaskDialog({
  workspaceId,
  taskId,
  members,
  onClose,
}: {
  workspaceId: string;
  taskId: string;
  members: readonly Member[];
  onClose: () => void;
}) {
  const task = useTask(workspaceId, taskId);
  const update = useUpdateTask(workspaceId, { notify: false });
  const remove = useDeleteTask(workspaceId);
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const byId = new Map(members.map((member) => [member.userId, member]));
  const isDirty = useRef<() => boolean>(() => false);
  const [confirming, setConfirming] = useState(false);

  function requestClose() {
    if (isDirty.current()) setConfirming(true);
    else onClose();
  }

  async function save(base: Task, changes: TaskChanges) {
    try {
      await update.mutateAsync({ task: base, changes, conditional: true });
      onClose();
    } catch (error) {
      const current = conflictOf(error);
      if (!current) throw error;
      setConflict({ current, mine: changes });
    }
  }

  function keepMine(chosen: Conflict) {
    setConflict(null);
    save(chosen.current, chosen.mine).catch((error: unknown) => toast.error(humanMessage(error)));
  }

  return (
    <Dialog
      open
      onOpenChange={(open) => {
        if (!open) requestClose();
      }}
      title={task.data ? 'Edit task' : 'Task'}
      size="lg"
      testId="task-dialog"
    >
      <TaskLoading task={task} />
      {task.data && (
        <div className="mb-4 flex flex-wrap items-center justify-between gap-2">
          <FollowToggle workspaceId={workspaceId} taskId={task.data.id} />
          <TextLink
            to="/w/$workspaceId/t/$taskId"
            params={{ workspaceId, taskId: task.data.id }}
            className="text-sm"
          >
            Open task page
          </TextLink>
        </div>
      )}
      {task.data && (
        <TaskForm
          key={task.data.id}
          task={task.data}
          members={members}
          onSubmit={(changes, base) => save(base, changes)}
          onCancel={requestClose}
          isDirty={isDirty}
          onDelete={() => {
            remove.mutate(task.data);
            onClose();
          }}
        />
      )}
      <DiscardChangesDialog
        open={confirming}
        onKeepEditing={() => setConfirming(false)}
        onDiscard={() => {
          setConfirming(false);
          onClose();
        }}
      />
      {conflict && (
        <ConflictDialog
          current={conflict.current}
          mine={conflict.mine}
          members={byId}
          onKeepMine={() => keepMine(conflict)}
          onUseTheirs={() => {
            setConflict(null);
            onClose();
          }}
          onDismiss={() => setConflict(null)}
        />
      )}
    </Dialog>
  );
}
