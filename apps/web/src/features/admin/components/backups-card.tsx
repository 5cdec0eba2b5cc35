import { Button } from '../../../components/button.tsx';
import { useCreateBackup } from '../api/create-backup.ts';
import { useDownloadBackup } from '../api/download-backup.ts';
import { useBackups } from '../api/get-backups.ts';
import type { BackupList } from '../model/admin-types.ts';
import { formatCount } from '../model/format.ts';
import { AdminCard, CardError, CardSkeleton } from './admin-card.tsx';
import { BackupRow } from './backup-row.tsx';

const muted = 'text-sm text-slate-600 dark:text-slate-300';

function Schedule({ schedule, keep }: Pick<BackupList, 'schedule' | 'keep'>) {
  const kept = `Keeps the last ${keep === 1 ? 'one' : formatCount(keep)}.`;
  return (
    <p className={muted} data-testid="backup-schedule">
      {schedule === null ? (
        'No schedule: backups are taken on demand. '
      ) : (
        <>
          Taken on the schedule{' '}
          <code className="rounded bg-slate-100 px-1 font-mono break-all text-slate-900 dark:bg-slate-800 dark:text-slate-100">
            {schedule}
          </code>{' '}
          (cron, UTC), and on demand.{' '}
        </>
      )}
      {kept}
    </p>
  );
}

function BackUpNow({ running, onClick }: { running: boolean; onClick: () => void }) {
  return (
    <Button
      size="sm"
      disabled={running}
      onClick={onClick}
      className="inline-flex items-center gap-2"
    >
      {running && (
        <span
          aria-hidden="true"
          className="size-3.5 animate-spin rounded-full border-2 border-white/40 border-t-white motion-reduce:animate-none"
        />
      )}
      {running ? 'Backing up…' : 'Back up now'}
    </Button>
  );
}

/**
 * Backups of the embedded database and its files, newest first: the schedule, a backup on
 * demand, and a download of each. In cluster mode PostgreSQL is backed up with its own tools.
 */
export function BackupsCard() {
  const backups = useBackups();
  const create = useCreateBackup();
  const download = useDownloadBackup();
  const data = backups.data;

  return (
    <AdminCard
      title="Backups"
      description="Snapshots of the database and the attached files, newest first."
      testId="admin-backups"
      actions={
        data?.available ? (
          <BackUpNow running={create.isPending} onClick={() => create.mutate()} />
        ) : null
      }
    >
      {backups.isPending && <CardSkeleton label="Loading the backups…" rows={2} />}
      {backups.isError && (
        <CardError error={backups.error} onRetry={() => void backups.refetch()} />
      )}
      {data && !data.available && (
        <p className={muted} data-testid="backups-unavailable">
          This TaskFlow keeps its data in PostgreSQL, whose backups are taken with PostgreSQL’s own
          tools (pg_dump). TaskFlow takes backups itself in embedded mode only.
        </p>
      )}
      {data?.available && (
        <>
          <Schedule schedule={data.schedule} keep={data.keep} />
          {data.items.length === 0 ? (
            <p className={muted} data-testid="backups-empty">
              No backups yet.
            </p>
          ) : (
            <ul
              aria-label="Backups"
              className="divide-y divide-slate-200 dark:divide-slate-800"
              data-testid="backup-list"
            >
              {data.items.map((backup) => (
                <BackupRow
                  key={backup.name}
                  backup={backup}
                  downloading={download.isPending && download.variables === backup.name}
                  onDownload={() => download.mutate(backup.name)}
                />
              ))}
            </ul>
          )}
        </>
      )}
    </AdminCard>
  );
}
