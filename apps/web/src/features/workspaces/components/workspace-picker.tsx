import * as Popover from '@radix-ui/react-popover';
import type { components } from '@taskflow/contract/openapi';
import { useId, useState } from 'react';

type Workspace = components['schemas']['Workspace'];

type Props = {
  workspaces: Workspace[] | undefined;
  current: Workspace | undefined;
  onPick: (workspaceId: string) => void;
};

/** Workspaces whose name holds every word typed, in the order the API gave them. */
export function matchWorkspaces(workspaces: Workspace[], query: string): Workspace[] {
  const words = query.toLocaleLowerCase().split(/\s+/).filter(Boolean);
  return workspaces.filter((workspace) => {
    const name = workspace.name.toLocaleLowerCase();
    return words.every((word) => name.includes(word));
  });
}

/**
 * The header's workspace picker: a button naming the open workspace, opening a list to search
 * (a combobox: the input keeps focus, arrows move through the matches, Enter opens one).
 */
export function WorkspacePicker({ workspaces, current, onPick }: Props) {
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const listId = useId();
  const matches = matchWorkspaces(workspaces ?? [], query);
  const activeIndex = Math.min(active, matches.length - 1);
  const optionId = (index: number) => `${listId}-${index}`;

  const close = () => {
    setOpen(false);
    setQuery('');
    setActive(0);
  };
  const pick = (workspace: Workspace | undefined) => {
    if (!workspace) return;
    close();
    if (workspace.id !== current?.id) onPick(workspace.id);
  };

  function onKeyDown(event: React.KeyboardEvent<HTMLInputElement>) {
    const last = matches.length - 1;
    if (event.key === 'ArrowDown') setActive(activeIndex >= last ? 0 : activeIndex + 1);
    else if (event.key === 'ArrowUp') setActive(activeIndex <= 0 ? last : activeIndex - 1);
    else if (event.key === 'Home') setActive(0);
    else if (event.key === 'End') setActive(last);
    else if (event.key === 'Enter') pick(matches[activeIndex]);
    else return;
    event.preventDefault();
  }

  return (
    <Popover.Root open={open} onOpenChange={(next) => (next ? setOpen(true) : close())}>
      <Popover.Trigger
        disabled={!workspaces}
        // Without a current workspace the visible text ("Open a workspace", "Loading…") is the
        // name: a label that differs from it would fail WCAG 2.5.3 (label in name).
        aria-label={current ? `Workspace: ${current.name}. Switch workspace` : undefined}
        className="flex max-w-48 items-center gap-1 rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm hover:bg-slate-100 disabled:opacity-60 dark:border-slate-600 dark:bg-slate-900 dark:hover:bg-slate-800"
      >
        <span className="truncate" title={current?.name}>
          {current?.name ?? (workspaces ? 'Open a workspace' : 'Loading…')}
        </span>
        <span aria-hidden="true">▾</span>
      </Popover.Trigger>
      <Popover.Portal>
        <Popover.Content
          align="start"
          sideOffset={4}
          aria-label="Switch workspace"
          className="z-50 w-72 max-w-[calc(100vw-1rem)] rounded-md border border-slate-200 bg-white p-2 shadow-lg dark:border-slate-700 dark:bg-slate-900"
        >
          <input
            type="search"
            name="workspace-search"
            role="combobox"
            aria-label="Search workspaces"
            aria-expanded="true"
            aria-controls={listId}
            aria-autocomplete="list"
            aria-activedescendant={matches.length > 0 ? optionId(activeIndex) : undefined}
            placeholder="Search workspaces"
            value={query}
            onChange={(event) => {
              setQuery(event.target.value);
              setActive(0);
            }}
            onKeyDown={onKeyDown}
            className="mb-2 w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm dark:border-slate-600 dark:bg-slate-950"
          />
          <div
            id={listId}
            role="listbox"
            aria-label="Workspaces"
            className="max-h-64 overflow-y-auto"
          >
            {matches.map((workspace, index) => (
              // biome-ignore lint/a11y/useKeyWithClickEvents: the combobox's input handles the keys (aria-activedescendant).
              <div
                key={workspace.id}
                id={optionId(index)}
                role="option"
                tabIndex={-1}
                aria-selected={index === activeIndex}
                aria-current={workspace.id === current?.id ? 'page' : undefined}
                // Keeps the focus in the search field.
                onMouseDown={(event) => event.preventDefault()}
                onClick={() => pick(workspace)}
                onMouseMove={() => setActive(index)}
                className={`flex cursor-pointer items-center justify-between gap-2 rounded px-2 py-1.5 text-sm ${
                  index === activeIndex ? 'bg-slate-100 dark:bg-slate-800' : ''
                }`}
              >
                <span
                  className="truncate"
                  title={workspace.name}
                  data-testid="workspace-option-name"
                >
                  {workspace.name}
                </span>
                <span className="shrink-0 text-xs text-slate-600 dark:text-slate-400">
                  {workspace.id === current?.id ? 'Open' : workspace.personal ? 'Personal' : ''}
                </span>
              </div>
            ))}
          </div>
          {matches.length === 0 && (
            <p role="status" className="px-2 py-1.5 text-sm text-slate-600 dark:text-slate-400">
              No workspace matches “{query}”.
            </p>
          )}
        </Popover.Content>
      </Popover.Portal>
    </Popover.Root>
  );
}
