import type { ReactNode, Ref } from 'react';
import { Button } from '../../../components/button.tsx';
import { SelectOptions } from '../../../components/select-field.tsx';
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
import { MemberOptions } from './member-options.tsx';
import { SearchBox } from './search-box.tsx';

const control =
  'rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm dark:border-slate-600 dark:bg-slate-900';
const caption = 'text-xs font-medium text-slate-600 dark:text-slate-300';

const statusOptions = TASK_STATUSES.map((value) => ({ value, label: statusLabels[value] }));
const priorityOptions = TASK_PRIORITIES.map((value) => ({ value, label: priorityLabels[value] }));

/** A filter with its caption above it. */
function Captioned({ caption: text, children }: { caption: string; children: ReactNode }) {
  return (
    // biome-ignore lint/a11y/noLabelWithoutControl: every caller passes its control as children.
    <label className="space-y-1">
      <span className={`block ${caption}`}>{text}</span>
      {children}
    </label>
  );
}

/** A date bound of the due-date filter. */
function DateFilter({
  name,
  value,
  onChange,
}: {
  name: string;
  value: string | undefined;
  onChange: (value: string) => void;
}) {
  return (
    <input
      type="date"
      name={name}
      className={control}
      value={value ?? ''}
      onChange={(event) => onChange(event.target.value)}
    />
  );
}

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
        <Captioned caption="Assignee">
          <select
            name="assignee"
            className={control}
            value={search.assignee ?? ''}
            onChange={(event) => set({ assignee: orEmpty(event.target.value) })}
          >
            <option value="">Anyone</option>
            <option value="me">Me</option>
            <option value="none">Unassigned</option>
            <MemberOptions members={members} />
          </select>
        </Captioned>
        <Captioned caption="Label">
          <select
            name="label"
            className={control}
            value={search.label ?? ''}
            onChange={(event) => set({ label: orEmpty(event.target.value) })}
          >
            <option value="">Any label</option>
            {labels.map((label) => (
              <option key={label}>{label}</option>
            ))}
          </select>
        </Captioned>
        <Captioned caption="Due from">
          <DateFilter
            name="dueAfter"
            value={search.dueAfter}
            onChange={(value) => set({ dueAfter: orEmpty(value) })}
          />
        </Captioned>
        <Captioned caption="Due until">
          <DateFilter
            name="dueBefore"
            value={search.dueBefore}
            onChange={(value) => set({ dueBefore: orEmpty(value) })}
          />
        </Captioned>
        {/* Kanban columns are always in manual order: the order their cards are dragged in. */}
        {search.view !== 'kanban' && (
          <Captioned caption="Sort by">
            <select
              name="sort"
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
              <SelectOptions values={sorts} labels={sortLabels} />
            </select>
          </Captioned>
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
