import { type KeyboardEvent, useId, useState } from 'react';
import { useLabelDefinitions } from '../api/get-label-definitions.ts';
import { colourLookup, suggestLabels } from '../model/label-colours.ts';
import { LabelChip } from './label-chip.tsx';

const split = (text: string) => text.split(',').map((label) => label.trim());

const without = (labels: readonly string[], label: string) =>
  labels.filter((l) => l.toLowerCase() !== label.toLowerCase());

/**
 * The task's labels as coloured chips, and a combobox to add more: it suggests the workspace's
 * labels as you type (arrow keys and Enter pick one; a comma or Enter adds what is typed, a new
 * label made by using it); Backspace in the empty box takes the last chip off. What is typed
 * counts as a label before it is added, so saving never loses it.
 */
export function LabelsField({
  workspaceId,
  value,
  onChange,
  onBlur,
  error,
}: {
  workspaceId: string;
  value: readonly string[];
  onChange: (labels: string[]) => void;
  onBlur: () => void;
  error: string | undefined;
}) {
  const id = useId();
  const definitions = useLabelDefinitions(workspaceId);
  const colourOf = colourLookup(definitions);
  const [chips, setChips] = useState<string[]>([...value]);
  const [text, setText] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const suggestions = open ? suggestLabels(definitions, text, chips) : [];
  const listId = `${id}-list`;
  const errorId = `${id}-error`;

  function update(nextChips: string[], nextText: string) {
    setChips(nextChips);
    setText(nextText);
    setActive(0);
    const typed = nextText.trim();
    onChange(typed === '' ? nextChips : [...without(nextChips, typed), typed]);
  }

  const add = (label: string, rest = '') =>
    update(label.trim() === '' ? chips : [...without(chips, label), label.trim()], rest);

  function onType(typed: string) {
    setOpen(true);
    const parts = split(typed);
    const rest = parts.pop() ?? '';
    // Everything before a comma is a label of its own.
    const added = parts.filter((p) => p !== '');
    const nextChips = added.reduce((all, label) => [...without(all, label), label], chips);
    update(nextChips, parts.length > 0 ? rest.trimStart() : typed);
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    const count = suggestions.length;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      if (!open) return setOpen(true);
      if (count > 0) setActive((i) => (i + (event.key === 'ArrowDown' ? 1 : count - 1)) % count);
    } else if (event.key === 'Enter') {
      const picked = suggestions[active];
      if (!picked && text.trim() === '') return;
      // Enter picks a label here; it saves the task only from an empty box.
      event.preventDefault();
      add(picked ? picked.name : text);
    } else if (event.key === 'Escape' && count > 0) {
      // Only the list closes; the dialog stays.
      event.stopPropagation();
      setOpen(false);
    } else if (event.key === 'Backspace' && text === '' && chips.length > 0) {
      update(chips.slice(0, -1), '');
    }
  }

  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium">
        Labels
      </label>
      <div className="flex flex-wrap items-center gap-1 rounded-md border border-slate-300 bg-white px-2 py-1.5 dark:border-slate-600 dark:bg-slate-900">
        {chips.map((label) => (
          <LabelChip key={label} name={label} colour={colourOf(label)}>
            <button
              type="button"
              aria-label={`Remove label ${label}`}
              onClick={() => update(without(chips, label), text)}
              className="rounded-full px-1 leading-none hover:bg-black/10 dark:hover:bg-white/10"
            >
              <span aria-hidden="true">×</span>
            </button>
          </LabelChip>
        ))}
        <input
          id={id}
          name="labels"
          role="combobox"
          aria-autocomplete="list"
          aria-expanded={suggestions.length > 0}
          aria-controls={listId}
          aria-activedescendant={suggestions[active] ? `${listId}-${active}` : undefined}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? errorId : undefined}
          autoComplete="off"
          value={text}
          onChange={(event) => onType(event.target.value)}
          onKeyDown={onKeyDown}
          onFocus={() => setOpen(true)}
          onBlur={() => {
            setOpen(false);
            onBlur();
          }}
          placeholder={chips.length === 0 ? 'Add labels' : ''}
          className="min-w-24 flex-1 bg-transparent py-0.5 text-sm outline-none"
        />
      </div>
      <div
        id={listId}
        role="listbox"
        aria-label="Label suggestions"
        hidden={suggestions.length === 0}
        className="max-h-48 overflow-auto rounded-md border border-slate-200 bg-white py-1 shadow-sm dark:border-slate-700 dark:bg-slate-900"
      >
        {suggestions.map((label, index) => (
          // biome-ignore lint/a11y/useKeyWithClickEvents: the input keeps the focus and takes the keys (aria-activedescendant)
          <div
            key={label.name}
            id={`${listId}-${index}`}
            role="option"
            tabIndex={-1}
            aria-selected={index === active}
            // Keeps the focus in the input, so the list is not closed by its blur.
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => add(label.name)}
            className={`flex cursor-pointer items-center px-2 py-1 ${index === active ? 'bg-indigo-100 dark:bg-indigo-900' : ''}`}
          >
            <LabelChip name={label.name} colour={label.colour} />
          </div>
        ))}
      </div>
      {error && (
        <p
          id={errorId}
          className="text-sm text-red-700 dark:text-red-400"
          data-testid="labels-error"
        >
          {error}
        </p>
      )}
    </div>
  );
}
