import { describe, expect, it } from 'vitest';
import { parseSearch, stringifySearch } from '../../../lib/search-params.ts';
import {
  activeFilterCount,
  effectiveSort,
  hasFilters,
  parseBoardSearch,
  toListQuery,
  withoutFilters,
} from './board-search.ts';

const uuid = '5f0c6a7e-1111-4222-8333-944455556666';

describe('parseBoardSearch', () => {
  it('reads every filter from a shared link', () => {
    const search = parseBoardSearch(
      parseSearch(
        `?view=kanban&status=in_progress,todo&priority=urgent&assignee=${uuid}&label=bug&dueBefore=2026-02-01&dueAfter=2026-01-01&sort=due&q=login+page`,
      ),
    );
    expect(search).toEqual({
      view: 'kanban',
      status: ['todo', 'in_progress'],
      priority: ['urgent'],
      assignee: uuid,
      label: 'bug',
      dueBefore: '2026-02-01',
      dueAfter: '2026-01-01',
      sort: 'due',
      q: 'login page',
    });
  });

  it('drops values it does not know instead of failing', () => {
    expect(
      parseBoardSearch({
        view: 'grid',
        status: 'todo,nope,todo',
        priority: 'nope',
        assignee: 'someone',
        dueBefore: '2026-13-45',
        sort: 'random',
        q: '   ',
      }),
    ).toEqual({ status: ['todo'] });
  });

  it('keeps only real dates, trimmed words and lists of text', () => {
    expect(
      parseBoardSearch({
        dueBefore: '2026-02-30',
        dueAfter: '2024-02-29',
        label: '  bug ',
        q: 'x'.repeat(201),
        status: ['todo', 3],
        assignee: '5f0c6a7e-1111-9222-8333-944455556666',
      }),
    ).toEqual({ dueAfter: '2024-02-29', label: 'bug' });
  });

  it('leaves defaults out, so equal boards have equal URLs', () => {
    expect(parseBoardSearch({ view: 'list', assignee: 'me' })).toEqual({ assignee: 'me' });
    // Relevance ranks search results: without words to search for it is no order at all.
    expect(parseBoardSearch({ sort: 'relevance' })).toEqual({});
    expect(parseBoardSearch({ sort: 'relevance', q: 'x' })).toEqual({ sort: 'relevance', q: 'x' });
  });

  it('round-trips through the URL', () => {
    const search = parseBoardSearch({ status: ['done', 'todo'], assignee: 'none', q: 'a, b' });
    const url = stringifySearch(search);
    expect(url).toBe('?status=todo,done&assignee=none&q=a,%20b');
    expect(parseBoardSearch(parseSearch(url))).toEqual(search);
  });
});

describe('board search helpers', () => {
  it('sorts by relevance while searching, else in manual order', () => {
    expect(effectiveSort({})).toBe('position');
    expect(effectiveSort({ q: 'x' })).toBe('relevance');
    expect(effectiveSort({ q: 'x', sort: 'due' })).toBe('due');
  });

  it('clears the filters but keeps the view and the sort', () => {
    const search = parseBoardSearch({ view: 'kanban', sort: 'due', status: 'done', q: 'x' });
    expect(hasFilters(search)).toBe(true);
    expect(withoutFilters(search)).toEqual({ view: 'kanban', sort: 'due' });
    expect(hasFilters(withoutFilters(search))).toBe(false);
  });

  it('counts the filters in use, a list of statuses once, the view and the sort never', () => {
    const search = parseBoardSearch({ view: 'kanban', sort: 'due', status: 'todo,done', q: 'x' });
    expect(activeFilterCount(search)).toBe(2);
    expect(activeFilterCount(withoutFilters(search))).toBe(0);
  });

  it('asks the API for the list view, and for a kanban column in manual order', () => {
    const search = parseBoardSearch({
      status: 'todo,done',
      priority: 'high,low',
      sort: 'due',
      q: 'x',
    });
    expect(toListQuery(search)).toEqual({
      status: 'todo,done',
      priority: 'low,high',
      sort: 'due',
      q: 'x',
    });
    expect(toListQuery(search, 'in_progress')).toEqual({
      status: 'in_progress',
      priority: 'low,high',
      sort: 'position',
      q: 'x',
    });
  });
});
