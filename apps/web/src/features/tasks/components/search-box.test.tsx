import { act, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SEARCH_DELAY_MS, SearchBox } from './search-box.tsx';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('SearchBox', () => {
  it('searches once typing pauses, with the words trimmed', () => {
    const onSearch = vi.fn();
    render(<SearchBox value={undefined} onSearch={onSearch} />);
    const box = screen.getByLabelText('Search tasks');
    for (const text of ['l', 'lo', 'log', 'login '])
      fireEvent.change(box, { target: { value: text } });
    act(() => vi.advanceTimersByTime(SEARCH_DELAY_MS - 1));
    expect(onSearch).not.toHaveBeenCalled();
    act(() => vi.advanceTimersByTime(1));
    expect(onSearch).toHaveBeenCalledTimes(1);
    expect(onSearch).toHaveBeenCalledWith('login');
  });

  it('clears the search when the box is emptied', () => {
    const onSearch = vi.fn();
    render(<SearchBox value="login" onSearch={onSearch} />);
    fireEvent.change(screen.getByLabelText('Search tasks'), { target: { value: '  ' } });
    act(() => vi.advanceTimersByTime(SEARCH_DELAY_MS));
    expect(onSearch).toHaveBeenCalledWith(undefined);
  });

  it('follows the URL when it changes from elsewhere, but keeps what is being typed', () => {
    const onSearch = vi.fn();
    const { rerender } = render(<SearchBox value="login" onSearch={onSearch} />);
    const box = screen.getByLabelText<HTMLInputElement>('Search tasks');
    rerender(<SearchBox value={undefined} onSearch={onSearch} />);
    expect(box.value).toBe('');

    fireEvent.change(box, { target: { value: 'bug ' } });
    act(() => vi.advanceTimersByTime(SEARCH_DELAY_MS));
    // The URL now says "bug": the box keeps the trailing space typed before the next word.
    rerender(<SearchBox value="bug" onSearch={onSearch} />);
    expect(box.value).toBe('bug ');
  });
});
