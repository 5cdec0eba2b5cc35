import { type ReactNode, useRef, useState } from 'react';
import { Button } from '../../../components/button.tsx';
import { stringifySearch } from '../../../lib/search-params.ts';
import { useShortcuts } from '../../../lib/shortcuts.ts';
import { useBulkTasks } from '../api/bulk-tasks.ts';
import { useLabelDefinitions } from '../api/get-label-definitions.ts';
import { useTaskLookup } from '../api/task-cache.ts';
import { useUpdateTask } from '../api/update-task.ts';
import { useBoardSelection } from '../hooks/use-board-selection.ts';
import { useBulkSelection } from '../hooks/use-bulk-selection.ts';
import { type BoardSearch, withoutFilters } from '../model/board-search.ts';
import { colourLookup } from '../model/label-colours.ts';
import type { Member, Task } from '../model/task-types.ts';
import { BulkBar, type MoveTarget } from './bulk-bar.tsx';
import { FilterBar } from './filter-bar.tsx';
import { FilterSheet } from './filter-sheet.tsx';
import { KanbanView } from './kanban-view.tsx';
import { LabelColours } from './label-chip.tsx';
import { QuickAdd } from './quick-add.tsx';
import { ShortcutsDialog } from './shortcuts-dialog.tsx';
import { TaskListView } from './task-list-view.tsx';
import { ViewSwitch } from './view-switch.tsx';

type SearchChange = (search: BoardSearch, options?: { replace?: boolean }) => void;

/** A workspace's tasks as a list or as kanban columns, with everything that acts on them. */
export function Board({
  workspaceId,
  title,
  search,
  members,
  onSearchChange,
  onOpenTask,
  actions,
  moveTargets,
}: {
  workspaceId: string;
  title: string;
  search: BoardSearch;
  members: readonly Member[];
  onSearchChange: SearchChange;
  onOpenTask: (taskId: string) => void;
  /** More controls for the header, from other features (an export, for instance). */
  actions?: ReactNode;
  /** The caller's other workspaces, where ticked tasks can be moved. */
  moveTargets: readonly MoveTarget[];
}) {
  const quickAddRef = useRef<HTMLInputElement>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  const [helpOpen, setHelpOpen] = useState(false);
  const [dragging, setDragging] = useState(false);
  const ticks = useBulkSelection(stringifySearch(search));
  const selection = useBoardSelection();
  const lookup = useTaskLookup(workspaceId);
  const update = useUpdateTask(workspaceId);
  const bulk = useBulkTasks(workspaceId);
  const labels = useLabelDefinitions(workspaceId);
  const byId = new Map(members.map((member) => [member.userId, member]));
  const kanban = search.view === 'kanban';

  const toggleDone = (task: Task) =>
    update.mutate({ task, changes: { status: task.status === 'done' ? 'todo' : 'done' } });
  const toggleView = () => onSearchChange({ ...search, view: kanban ? undefined : 'kanban' });

  useShortcuts(
    {
      c: () => quickAddRef.current?.focus(),
      '/': () => searchRef.current?.focus(),
      v: toggleView,
      j: () => selection.move(1),
      k: () => selection.move(-1),
      Enter: () => selection.selectedId && onOpenTask(selection.selectedId),
      x: () => {
        const task = selection.selectedId ? lookup(selection.selectedId) : undefined;
        if (task) toggleDone(task);
      },
      Escape: () => {
        selection.select(null);
        ticks.clear();
      },
      '?': () => setHelpOpen(true),
    },
    !dragging,
  );

  const view = {
    workspaceId,
    search,
    members: byId,
    selectedId: selection.selectedId,
    onToggleDone: toggleDone,
    onDraggingChange: setDragging,
  };

  return (
    <section
      ref={selection.containerRef}
      onFocus={selection.onFocus}
      aria-labelledby="board-title"
      className="space-y-4 focus:outline-none"
      tabIndex={-1}
      data-focus-group=""
      data-testid="board"
    >
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 id="board-title" className="text-2xl font-semibold">
          {title}
        </h1>
        <div className="flex flex-wrap items-center gap-2">
          {actions}
          <ViewSwitch
            kanban={kanban}
            onChange={(next) => onSearchChange({ ...search, view: next ? 'kanban' : undefined })}
          />
          <Button
            variant="secondary"
            size="sm"
            className="touch:hidden"
            onClick={() => setHelpOpen(true)}
          >
            Shortcuts <span aria-hidden="true">(?)</span>
          </Button>
        </div>
      </div>
      <QuickAdd
        workspaceId={workspaceId}
        inputRef={quickAddRef}
        members={members}
        search={search}
        onShowAll={() => onSearchChange(withoutFilters(search))}
      />
      <FilterSheet search={search}>
        <FilterBar
          workspaceId={workspaceId}
          search={search}
          members={members}
          onChange={onSearchChange}
          onSearch={(q) => onSearchChange({ ...search, q }, { replace: true })}
          searchRef={searchRef}
        />
      </FilterSheet>
      {!kanban && ticks.checked.size > 0 && (
        <BulkBar
          count={ticks.checked.size}
          members={members}
          labels={labels}
          moveTargets={moveTargets}
          onApply={(action) => {
            bulk.mutate({ taskIds: [...ticks.checked], action });
            ticks.clear();
          }}
          onClear={ticks.clear}
        />
      )}
      <LabelColours value={colourLookup(labels)}>
        {kanban ? (
          <KanbanView
            {...view}
            quickAdd={(status, onClose, inputRef) => (
              <QuickAdd
                workspaceId={workspaceId}
                inputRef={inputRef}
                members={members}
                search={search}
                onShowAll={() => onSearchChange(withoutFilters(search))}
                status={status}
                onClose={onClose}
              />
            )}
          />
        ) : (
          <TaskListView
            {...view}
            onClearFilters={() => onSearchChange(withoutFilters(search))}
            ticks={ticks}
          />
        )}
      </LabelColours>
      <ShortcutsDialog open={helpOpen} onOpenChange={setHelpOpen} />
    </section>
  );
}
