import { Button } from '../../../components/button.tsx';
import { formatBytes } from '../../../lib/format-bytes.ts';
import { relativeTime } from '../../../lib/relative-time.ts';
import { type Backup, backupTriggerNames } from '../model/admin-types.ts';
import { formatCount, formatDateTime } from '../model/format.ts';

const counted = (n: number, one: string, many: string) =>
  `${formatCount(n)} ${n === 1 ? one : many}`;

/** One backup: when, how large, who started it, what it holds; and the way to download it. */
export function BackupRow({
  backup,
  downloading,
  onDownload,
}: {
  backup: Backup;
  downloading: boolean;
  onDownload: () => void;
}) {
  const taken = formatDateTime(backup.createdAt);
  return (
    <li className="py-3" data-testid="backup-row" data-name={backup.name}>
      <div className="flex flex-wrap items-center gap-3">
        <div className="min-w-0 flex-1 text-sm">
          <p className="font-medium">
            <time dateTime={backup.createdAt} title={taken}>
              {relativeTime(backup.createdAt)}
            </time>
            <span className="text-slate-600 dark:text-slate-300">
              {' '}
              · {formatBytes(backup.bytes)}
            </span>
          </p>
          <p className="text-xs text-slate-600 dark:text-slate-300">
            {backupTriggerNames[backup.trigger]} · {counted(backup.rows, 'row', 'rows')},{' '}
            {counted(backup.files, 'file', 'files')} · TaskFlow {backup.taskflowVersion}, PGlite{' '}
            {backup.pgliteVersion}
          </p>
          <p
            className="font-mono text-xs break-all text-slate-600 dark:text-slate-300"
            data-testid="backup-name"
          >
            {backup.name}
          </p>
        </div>
        <Button
          variant="secondary"
          size="sm"
          aria-label={`Download the backup of ${taken}`}
          disabled={downloading}
          onClick={onDownload}
        >
          {downloading ? 'Downloading…' : 'Download'}
        </Button>
      </div>
    </li>
  );
}
