import { type ReactNode, useState } from 'react';
import { Button } from '../../../components/button.tsx';
import { Dialog } from '../../../components/dialog.tsx';
import { SMALL_SCREEN, useMediaQuery } from '../../../lib/media-query.ts';
import { activeFilterCount, type BoardSearch } from '../model/board-search.ts';

/**
 * The board's filters: in place on a wide screen; on a phone, where they would fill the first
 * screen, behind a "Filters" button (with how many are in use) that opens them in a sheet. Each
 * change applies at once, so the board behind the sheet is already filtered when it closes.
 */
export function FilterSheet({ search, children }: { search: BoardSearch; children: ReactNode }) {
  const small = useMediaQuery(SMALL_SCREEN);
  const [open, setOpen] = useState(false);
  if (!small) return children;
  const count = activeFilterCount(search);

  return (
    <>
      <Button
        variant="secondary"
        size="sm"
        onClick={() => setOpen(true)}
        data-testid="filters-button"
      >
        Filters
        {count > 0 && (
          <>
            {' '}
            <span className="rounded-full bg-indigo-700 px-1.5 text-xs text-white dark:bg-indigo-400 dark:text-slate-950">
              {count}
            </span>{' '}
            <span className="sr-only">in use</span>
          </>
        )}
      </Button>
      <Dialog open={open} onOpenChange={setOpen} title="Filters" size="sheet" testId="filter-sheet">
        <div className="space-y-4">
          {children}
          <Button className="w-full" onClick={() => setOpen(false)}>
            Show tasks
          </Button>
        </div>
      </Dialog>
    </>
  );
}
