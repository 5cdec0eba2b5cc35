import { Button } from '../../../components/button.tsx';
import { Dialog } from '../../../components/dialog.tsx';
import type { TaskChanges } from '../model/conflict.ts';
import { type Member, priorityLabels, statusLabels, type Task } from '../model/task-types.ts';

const fieldNames: Record<keyof TaskChanges, string> = {
  title: 'Title',
  description: 'Description',
  status: 'Status',
  priority: 'Priority',
  dueDate: 'Due date',
  assigneeId: 'Assignee',
  labels: 'Labels',
};

function shown(field: keyof TaskChanges, value: unknown, members: ReadonlyMap<string, Member>) {
  if (value === null || value === '' || (Array.isArray(value) && value.length === 0)) return '—';
  if (field === 'status') return statusLabels[value as Task['status']];
  if (field === 'priority') return priorityLabels[value as Task['priority']];
  if (field === 'assigneeId') return members.get(String(value))?.name ?? 'a former member';
  if (Array.isArray(value)) return value.join(', ');
  return String(value);
}

/**
 * A save refused because someone else changed the task meanwhile: their version beside this
 * edit, field by field, and the choice of which one stays.
 */
export function ConflictDialog({
  current,
  mine,
  members,
  onKeepMine,
  onUseTheirs,
  onDismiss,
}: {
  current: Task;
  mine: TaskChanges;
  members: ReadonlyMap<string, Member>;
  onKeepMine: () => void;
  onUseTheirs: () => void;
  onDismiss: () => void;
}) {
  const edited = Object.keys(mine) as (keyof TaskChanges)[];
  return (
    <Dialog
      open
      onOpenChange={(open) => {
        if (!open) onDismiss();
      }}
      title="This task was changed by someone else"
      description="While you were editing, another change was saved. Keep your edit over theirs, or use theirs and drop yours."
      size="lg"
      testId="conflict-dialog"
    >
      <table className="w-full table-fixed text-left text-sm">
        <thead>
          <tr className="border-b border-slate-200 dark:border-slate-700">
            <th scope="col" className="w-1/5 py-2 pr-2">
              Field
            </th>
            <th scope="col" className="py-2 pr-2">
              Their version
            </th>
            <th scope="col" className="py-2">
              Your edit
            </th>
          </tr>
        </thead>
        <tbody>
          {edited.map((field) => (
            <tr key={field} className="border-b border-slate-100 align-top dark:border-slate-800">
              <th scope="row" className="py-2 pr-2 font-medium">
                {fieldNames[field]}
              </th>
              <td className="break-words py-2 pr-2" data-testid={`theirs-${field}`}>
                {shown(field, current[field], members)}
              </td>
              <td className="break-words py-2" data-testid={`mine-${field}`}>
                {shown(field, mine[field], members)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="mt-6 flex justify-end gap-3">
        <Button variant="secondary" onClick={onUseTheirs}>
          Use theirs
        </Button>
        <Button onClick={onKeepMine}>Keep mine</Button>
      </div>
    </Dialog>
  );
}
