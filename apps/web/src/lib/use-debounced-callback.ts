import { type ChangeEvent, useCallback, useEffect, useRef, useState } from 'react';

/** `callback`, called only once `delay` ms have passed without another call. */
function useDebouncedCallback<A extends unknown[]>(
  callback: (...args: A) => void,
  delay: number,
): (...args: A) => void {
  const latest = useRef(callback);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  useEffect(() => {
    latest.current = callback;
  });
  useEffect(() => () => clearTimeout(timer.current), []);

  return useCallback(
    (...args: A) => {
      clearTimeout(timer.current);
      timer.current = setTimeout(() => latest.current(...args), delay);
    },
    [delay],
  );
}

/** The text of a search box: shown as it is typed, passed to `onSearch` once typing pauses. */
export function useSearchText(onSearch: (text: string) => void, delay: number, initial = '') {
  const [text, setText] = useState(initial);
  const search = useDebouncedCallback(onSearch, delay);
  const onChange = (event: ChangeEvent<HTMLInputElement>) => {
    setText(event.target.value);
    search(event.target.value);
  };
  return { text, setText, onChange };
}
