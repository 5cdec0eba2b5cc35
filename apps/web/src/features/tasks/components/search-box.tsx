import { type Ref, useEffect, useRef } from 'react';
import { COARSE_POINTER, useMediaQuery } from '../../../lib/media-query.ts';
import { useSearchText } from '../../../lib/use-debounced-callback.ts';

export const SEARCH_DELAY_MS = 300;

/**
 * Full-text search, sent once typing pauses. The box keeps its own text while typing and
 * follows the URL when it changes from elsewhere (back button, Clear filters).
 */
export function SearchBox({
  value,
  onSearch,
  inputRef,
}: {
  value: string | undefined;
  onSearch: (q: string | undefined) => void;
  inputRef?: Ref<HTMLInputElement>;
}) {
  const written = useRef(value);
  const touch = useMediaQuery(COARSE_POINTER);
  const { text, setText, onChange } = useSearchText(
    (next) => {
      const q = next.trim() || undefined;
      written.current = q;
      onSearch(q);
    },
    SEARCH_DELAY_MS,
    value ?? '',
  );

  useEffect(() => {
    if (value === written.current) return;
    written.current = value;
    setText(value ?? '');
  }, [value, setText]);

  return (
    <div className="min-w-48 flex-1">
      <label htmlFor="task-search" className="sr-only">
        Search tasks
      </label>
      <input
        id="task-search"
        ref={inputRef}
        type="search"
        name="q"
        value={text}
        onChange={onChange}
        placeholder={touch ? 'Search tasks' : 'Search tasks (press /)'}
        className="block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm dark:border-slate-600 dark:bg-slate-900"
        data-testid="task-search"
      />
    </div>
  );
}
