import { Button } from '../../../components/button.tsx';
import { Dialog } from '../../../components/dialog.tsx';

/**
 * Asked when a task with unsaved edits is being closed. Keeping on editing is the default (it
 * has the focus, and Escape means it): only the explicit button throws the edits away.
 */
export function DiscardChangesDialog({
  open,
  onKeepEditing,
  onDiscard,
}: {
  open: boolean;
  onKeepEditing: () => void;
  onDiscard: () => void;
}) {
  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        if (!next) onKeepEditing();
      }}
      title="Discard changes?"
      description="Your edits to this task are not saved yet."
      testId="discard-changes"
    >
      <div className="flex justify-end gap-3">
        <Button variant="secondary" onClick={onKeepEditing} autoFocus>
          Keep editing
        </Button>
        <Button variant="danger" onClick={onDiscard}>
          Discard changes
        </Button>
      </div>
    </Dialog>
  );
}
