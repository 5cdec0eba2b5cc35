import type { Ref } from 'react';
import { Button } from '../../../components/button.tsx';
import { ToggleGroup } from '../../../components/toggle-group.tsx';
import { useLabels } from '../api/get-labels.ts';
import {
  type BoardSearch,
  effectiveSort,
  hasFilters,
  withoutFilters,
} from '../model/board-search.ts';
import {
  type Member,
  priorityLabels,
  sortLabels,
  statusLabels,
  TASK_PRIORITIES,
  TASK_SORTS,
  TASK_STATUSES,
  type TaskSort,
} from '../model/task-types.ts';
import { SearchBox } from './search-box.tsx';

const control =
  'rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm dark:border-slate-600 dark:bg-slate-900';
const caption = 'text-xs font-medium text-slate-600 dark:text-slate-300';

const statusOptions = TASK_STATUSES.map((value) => ({ value, label: statusLabels[value] }));
const priorityOptions = TASK_PRIORITIES.map((value) => ({ value, label: priorityLabels[value] }));

/** Every filter writes to the URL: a filtered board is a link to share, and Back undoes it. */
export function FilterBar({
  workspaceId,
  search,
  members,
  onChange,
  onSearch,
  searchRef,
}: {
  workspaceId: string;
  search: BoardSearch;
  members: readonly Member[];
  onChange: (search: BoardSearch) => void;
  onSearch: (q: string | undefined) => void;
  searchRef: Ref<HTMLInputElement>;
}) {
  const labels = useLabels(workspaceId).data ?? [];
  const set = (patch: Partial<BoardSearch>) => onChange({ ...search, ...patch });
  const orEmpty = (value: string) => (value === '' ? undefined : value);
  const sorts = TASK_SORTS.filter((sort) => sort !== 'relevance' || search.q);

  return (
    <search aria-label="Filter tasks" className="space-y-3" data-testid="filter-bar">
      <div className="flex flex-wrap items-end gap-3">
        <SearchBox value={search.q} onSearch={onSearch} inputRef={searchRef} />
        <label className="space-y-1">
          <span className={`block ${caption}`}>Assignee</span>
          <select
            className={control}
            value={search.assignee ?? ''}
            onChange={(event) => set({ assignee: orEmpty(event.target.value) })}
          >
            <option value="">Anyone</option>
            <option value="me">Me</option>
            <option value="none">Unassigned</option>
            {members.map((member) => (
              <option key={member.userId} value={member.userId}>
                {member.name}
              </option>
            ))}
          </select>
        </label>
        <label className="space-y-1">
          <span className={`block ${caption}`}>Label</span>
          <select
            className={control}
            value={search.label ?? ''}
            onChange={(event) => set({ label: orEmpty(event.target.value) })}
          >
            <option value="">Any label</option>
            {labels.map((label) => (
              <option key={label}>{label}</option>
            ))}
          </select>
        </label>
        <label className="space-y-1">
          <span className={`block ${caption}`}>Due after</span>
          <input
            type="date"
            className={control}
            value={search.dueAfter ?? ''}
            onChange={(event) => set({ dueAfter: orEmpty(event.target.value) })}
          />
        </label>
        <label className="space-y-1">
          <span className={`block ${caption}`}>Due before</span>
          <input
            type="date"
            className={control}
            value={search.dueBefore ?? ''}
            onChange={(event) => set({ dueBefore: orEmpty(event.target.value) })}
          />
        </label>
        {/* Kanban columns are always in manual order: the order their cards are dragged in. */}
        {search.view !== 'kanban' && (
          <label className="space-y-1">
            <span className={`block ${caption}`}>Sort by</span>
            <select
              className={control}
              value={effectiveSort(search)}
              onChange={(event) => {
                const sort = event.target.value as TaskSort;
                // The default order stays out of the URL.
                set({
                  sort: sort === effectiveSort({ ...search, sort: undefined }) ? undefined : sort,
                });
              }}
            >
              {sorts.map((sort) => (
                <option key={sort} value={sort}>
                  {sortLabels[sort]}
                </option>
              ))}
            </select>
          </label>
        )}
      </div>
      <div className="flex flex-wrap items-center gap-4">
        <ToggleGroup
          legend="Status"
          options={statusOptions}
          selected={search.status ?? []}
          onChange={(status) => set({ status: status.length > 0 ? status : undefined })}
        />
        <ToggleGroup
          legend="Priority"
          options={priorityOptions}
          selected={search.priority ?? []}
          onChange={(priority) => set({ priority: priority.length > 0 ? priority : undefined })}
        />
        {hasFilters(search) && (
          <Button variant="secondary" size="sm" onClick={() => onChange(withoutFilters(search))}>
            Clear filters
          </Button>
        )}
      </div>
    </search>
  );
}
