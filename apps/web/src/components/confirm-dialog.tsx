import { type FormEvent, useState } from 'react';
import { humanMessage } from '../api/error-message.ts';
import { Button } from './button.tsx';
import { Dialog } from './dialog.tsx';
import { FormAlert } from './form-alert.tsx';
import { TextField } from './text-field.tsx';

/**
 * Asks before something that cannot be undone. With `typeToConfirm`, the person types that text
 * (a workspace's name) first. A failure stays in the dialog, in plain words.
 */
export function ConfirmDialog({
  open,
  onOpenChange,
  title,
  description,
  confirmLabel,
  typeToConfirm,
  onConfirm,
  testId,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  title: string;
  description: string;
  confirmLabel: string;
  typeToConfirm?: string;
  onConfirm: () => Promise<unknown>;
  testId?: string;
}) {
  const [typed, setTyped] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const ready = typeToConfirm === undefined || typed === typeToConfirm;

  function change(next: boolean) {
    if (!next) {
      setTyped('');
      setError(null);
    }
    onOpenChange(next);
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!ready) return;
    setBusy(true);
    setError(null);
    await onConfirm().then(
      () => change(false),
      (failure: unknown) => setError(humanMessage(failure)),
    );
    setBusy(false);
  }

  return (
    <Dialog
      open={open}
      onOpenChange={change}
      title={title}
      description={description}
      testId={testId}
    >
      <form onSubmit={submit} className="space-y-4" noValidate>
        {error && <FormAlert>{error}</FormAlert>}
        {typeToConfirm !== undefined && (
          <TextField
            name="confirmation"
            label={`Type “${typeToConfirm}” to confirm`}
            autoComplete="off"
            value={typed}
            onChange={(event) => setTyped(event.target.value)}
          />
        )}
        <div className="flex justify-end gap-3">
          <Button variant="secondary" onClick={() => change(false)}>
            Cancel
          </Button>
          <Button type="submit" variant="danger" disabled={!ready || busy}>
            {confirmLabel}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
