import type { components } from '@taskflow/contract/openapi';
import { fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { matchWorkspaces, WorkspacePicker } from './workspace-picker.tsx';

type Workspace = components['schemas']['Workspace'];

const workspace = (id: string, name: string, personal = false): Workspace => ({
  id,
  name,
  personal,
  role: 'owner',
  memberCount: 1,
  createdBy: null,
  createdAt: '2026-12-01T10:00:00.000Z',
  updatedAt: '2026-12-01T10:00:00.000Z',
});
const all = [
  workspace('w1', 'Personal', true),
  workspace('w2', 'Launch team'),
  workspace('w3', 'Book club'),
  workspace('w4', 'Team Berlin'),
];

function renderPicker(current = all[0]) {
  const onPick = vi.fn();
  render(<WorkspacePicker workspaces={all} current={current} onPick={onPick} />);
  fireEvent.click(screen.getByRole('button', { name: /Switch workspace/ }));
  const search = screen.getByRole('combobox', { name: 'Search workspaces' });
  const options = () => screen.queryAllByRole('option').map((option) => option.textContent);
  return { onPick, search, options };
}

describe('matchWorkspaces', () => {
  it('keeps the workspaces whose name holds every word typed, in any case and order', () => {
    const names = (query: string) => matchWorkspaces(all, query).map((w) => w.name);
    expect(names('')).toEqual(['Personal', 'Launch team', 'Book club', 'Team Berlin']);
    expect(names('TEAM')).toEqual(['Launch team', 'Team Berlin']);
    expect(names('berlin team')).toEqual(['Team Berlin']);
    expect(names('nothing')).toEqual([]);
  });
});

describe('the workspace picker', () => {
  it('names the open workspace and lists the others, the open one marked', () => {
    const { options } = renderPicker(all[1]);
    expect(document.activeElement).toBe(
      screen.getByRole('combobox', { name: 'Search workspaces' }),
    );
    expect(options()).toEqual(['PersonalPersonal', 'Launch teamOpen', 'Book club', 'Team Berlin']);
  });

  it('narrows the list as one types, and Enter opens the first match', () => {
    const { onPick, search, options } = renderPicker();
    fireEvent.change(search, { target: { value: 'team' } });
    expect(options()).toEqual(['Launch team', 'Team Berlin']);
    fireEvent.keyDown(search, { key: 'Enter' });
    expect(onPick).toHaveBeenCalledWith('w2');
    expect(screen.queryByRole('combobox')).toBeNull();
  });

  it('moves through the matches with the arrows, wrapping around', () => {
    const { onPick, search } = renderPicker();
    fireEvent.keyDown(search, { key: 'ArrowUp' });
    expect(search.getAttribute('aria-activedescendant')).toBe(
      screen.getByRole('option', { name: /Team Berlin/ }).id,
    );
    fireEvent.keyDown(search, { key: 'ArrowDown' });
    fireEvent.keyDown(search, { key: 'ArrowDown' });
    fireEvent.keyDown(search, { key: 'Enter' });
    expect(onPick).toHaveBeenCalledWith('w2');
  });

  it('says when nothing matches, and picking the open workspace changes nothing', () => {
    const { onPick, search } = renderPicker();
    fireEvent.change(search, { target: { value: 'zzz' } });
    expect(screen.getByRole('status').textContent).toBe('No workspace matches “zzz”.');
    fireEvent.change(search, { target: { value: 'personal' } });
    fireEvent.click(screen.getByRole('option', { name: /Personal/ }));
    expect(onPick).not.toHaveBeenCalled();
  });
});
