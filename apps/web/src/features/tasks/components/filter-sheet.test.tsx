import { fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { SMALL_SCREEN } from '../../../lib/media-query.ts';
import { FilterSheet } from './filter-sheet.tsx';

/** A screen on which only the queries in `matching` match. */
function screenMatching(...matching: string[]) {
  vi.stubGlobal('matchMedia', (query: string) => ({
    matches: matching.includes(query),
    addEventListener: () => undefined,
    removeEventListener: () => undefined,
  }));
}

const filters = <p>the filters</p>;

describe('FilterSheet', () => {
  it('shows the filters in place on a wide screen', () => {
    screenMatching();
    render(<FilterSheet search={{ priority: ['high'] }}>{filters}</FilterSheet>);
    expect(screen.getByText('the filters')).toBeTruthy();
    expect(screen.queryByRole('button', { name: /Filters/ })).toBeNull();
  });

  it('keeps them in a sheet on a phone, behind a button counting those in use', () => {
    screenMatching(SMALL_SCREEN);
    render(
      <FilterSheet search={{ priority: ['high'], status: ['todo', 'done'], view: 'kanban' }}>
        {filters}
      </FilterSheet>,
    );
    expect(screen.queryByText('the filters')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Filters 2 in use' }));
    const sheet = screen.getByRole('dialog', { name: 'Filters' });
    expect(sheet.textContent).toContain('the filters');
    fireEvent.click(screen.getByRole('button', { name: 'Show tasks' }));
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('names the button without a count when no filter is in use', () => {
    screenMatching(SMALL_SCREEN);
    render(<FilterSheet search={{ view: 'kanban' }}>{filters}</FilterSheet>);
    expect(screen.getByRole('button', { name: 'Filters' })).toBeTruthy();
  });
});
