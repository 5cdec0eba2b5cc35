import { Dialog } from '../../../components/dialog.tsx';

const boardShortcuts = [
  { keys: ['c'], action: 'Add a task' },
  { keys: ['/'], action: 'Search' },
  { keys: ['v'], action: 'Switch between list and kanban' },
  { keys: ['j', 'k'], action: 'Select the next or previous task' },
  { keys: ['Enter'], action: 'Open the selected task' },
  { keys: ['x'], action: 'Complete the selected task, or reopen it' },
  { keys: ['Esc'], action: 'Clear the selection' },
  { keys: ['?'], action: 'Show these shortcuts' },
] as const;

const kbd =
  'rounded border border-slate-300 bg-slate-100 px-1.5 py-0.5 font-mono text-xs dark:border-slate-600 dark:bg-slate-800';

type ShortcutsDialogProps = { open: boolean; onOpenChange: (open: boolean) => void };

/** The board's keyboard shortcuts; none acts while typing in a field. */
export function ShortcutsDialog({ open, onOpenChange }: ShortcutsDialogProps) {
  return (
    <Dialog
      open={open}
      onOpenChange={onOpenChange}
      title="Keyboard shortcuts"
      description="They work anywhere on the board except while typing in a field."
      testId="shortcuts-dialog"
    >
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 text-sm">
        {boardShortcuts.map(({ keys, action }) => (
          <div key={action} className="contents">
            <dt className="flex gap-1">
              {keys.map((key) => (
                <kbd key={key} className={kbd}>
                  {key}
                </kbd>
              ))}
            </dt>
            <dd>{action}</dd>
          </div>
        ))}
      </dl>
      <p className="mt-4 text-sm text-slate-600 dark:text-slate-300">
        To move a task with the keyboard, focus its handle and press Space, then the arrow keys,
        then Space again.
      </p>
    </Dialog>
  );
}
