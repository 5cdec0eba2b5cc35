import { useState } from 'react';
import { Button } from '../../../components/button.tsx';
import { useCreateExport } from '../api/create-export.ts';
import { useDownloadExport } from '../api/download-export.ts';
import { useExport } from '../api/get-export.ts';
import type { ExportFilters, TaskExport } from '../model/export-types.ts';

type Phase = 'idle' | 'asking' | TaskExport['status'];

const statusText: Record<Phase, string> = {
  idle: '',
  asking: 'Preparing the CSV…',
  pending: 'Preparing the CSV…',
  ready: 'The CSV is ready.',
  failed: 'The export failed.',
  expired: 'The export has expired.',
};

const rows = (count: number | null) =>
  count === null ? '' : count === 1 ? ' (1 task)' : ` (${count} tasks)`;

/**
 * Exports the workspace's tasks that the board's filters keep as CSV: asks for the export, says while it is being made, and
 * offers the file once the live notification (or, without a stream, a poll) says it is ready.
 * One button does each step in turn, so that focus stays on it throughout; while it has nothing
 * to do it is only marked disabled (a disabled button would drop the focus).
 */
export function ExportTasks({
  workspaceId,
  filters,
}: {
  workspaceId: string;
  filters: ExportFilters;
}) {
  const create = useCreateExport(workspaceId);
  const [exportId, setExportId] = useState<string | null>(null);
  const ids = exportId === null ? null : { workspaceId, exportId };
  const made = useExport(ids).data;
  const download = useDownloadExport();

  const phase: Phase = create.isPending ? 'asking' : ids ? (made?.status ?? 'pending') : 'idle';
  const busy = phase === 'asking' || phase === 'pending' || download.isPending;
  const label =
    phase === 'ready'
      ? download.isPending
        ? 'Downloading…'
        : 'Download CSV'
      : phase === 'failed' || phase === 'expired'
        ? 'Export again'
        : busy
          ? 'Exporting…'
          : 'Export CSV';

  function act() {
    if (busy) return;
    if (phase === 'ready' && ids) download.mutate(ids);
    else create.mutate(filters, { onSuccess: (next) => setExportId(next.id) });
  }

  return (
    <div className="flex items-center gap-2" data-testid="export-tasks">
      <span
        role="status"
        className="text-sm text-slate-700 dark:text-slate-300"
        data-testid="export-status"
        data-state={phase}
      >
        {statusText[phase]}
        {phase === 'ready' && made ? rows(made.rowCount) : ''}
      </span>
      <Button
        variant={phase === 'ready' ? 'primary' : 'secondary'}
        size="sm"
        aria-disabled={busy}
        className="aria-disabled:opacity-50"
        onClick={act}
      >
        {label}
      </Button>
    </div>
  );
}
