import { fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { aTask } from '../../../test/tasks.ts';
import { TASK_STATUSES } from '../model/task-types.ts';
import { StatusIcon } from './status-icon.tsx';
import { CompleteCheckbox } from './task-summary.tsx';

describe('StatusIcon', () => {
  it('draws each status with its own shape and names it', () => {
    const drawings = TASK_STATUSES.map((status) => {
      const { container, unmount } = render(<StatusIcon status={status} />);
      const svg = container.querySelector('svg');
      const drawing = { name: svg?.getAttribute('aria-label'), shape: svg?.innerHTML };
      unmount();
      return drawing;
    });
    expect(drawings.map((drawing) => drawing.name)).toEqual([
      'Status: To do',
      'Status: In progress',
      'Status: Done',
    ]);
    expect(new Set(drawings.map((drawing) => drawing.shape)).size).toBe(3);
  });

  it('is hidden from assistive technology when a text beside it names the status', () => {
    render(<StatusIcon status="done" decorative />);
    expect(screen.queryByRole('img')).toBeNull();
  });
});

describe('CompleteCheckbox', () => {
  it('tells in progress from to do, while the checkbox completes either', () => {
    const onToggle = vi.fn();
    const task = aTask({ title: 'Write notes', position: 'a0', status: 'in_progress' });
    render(<CompleteCheckbox task={task} onToggle={onToggle} />);
    expect(screen.getByRole('img', { name: 'Status: In progress' })).toBeTruthy();
    const checkbox = screen.getByRole('checkbox', { name: 'Complete “Write notes”' });
    expect((checkbox as HTMLInputElement).checked).toBe(false);
    fireEvent.click(checkbox);
    expect(onToggle).toHaveBeenCalledWith(task);
  });
});
