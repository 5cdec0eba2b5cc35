import { Button } from '../../../components/button.tsx';
import type { Upload } from '../hooks/use-uploads.ts';

/** A file on its way, with its progress and a cancel; or why it did not make it. */
export function UploadRow({
  upload,
  onCancel,
  onDismiss,
}: {
  upload: Upload;
  onCancel: () => void;
  onDismiss: () => void;
}) {
  const percent = Math.round(upload.sent * 100);
  return (
    <div
      className="min-w-0 space-y-2 rounded-md border border-slate-200 p-2 dark:border-slate-700"
      data-testid="upload"
    >
      <div className="flex min-w-0 items-center gap-2">
        <span className="min-w-0 flex-1 truncate text-sm font-medium">{upload.name}</span>
        {upload.error === null ? (
          <>
            <span className="text-xs text-slate-600 dark:text-slate-300">
              {percent < 100 ? `${percent}%` : 'Finishing…'}
            </span>
            <Button
              variant="secondary"
              size="sm"
              aria-label={`Cancel uploading ${upload.name}`}
              onClick={onCancel}
            >
              Cancel
            </Button>
          </>
        ) : (
          <Button
            variant="secondary"
            size="sm"
            aria-label={`Dismiss ${upload.name}`}
            onClick={onDismiss}
          >
            Dismiss
          </Button>
        )}
      </div>
      {upload.error === null ? (
        <div
          role="progressbar"
          aria-label={`Uploading ${upload.name}`}
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={percent}
          className="h-2 overflow-hidden rounded-full bg-slate-200 dark:bg-slate-700"
        >
          <div
            className="h-full rounded-full bg-indigo-600 transition-[width]"
            style={{ width: `${percent}%` }}
          />
        </div>
      ) : (
        <p role="alert" className="text-sm text-red-700 dark:text-red-400">
          {upload.error}
        </p>
      )}
    </div>
  );
}
