import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderPage } from '../../../test/render.tsx';
import { aTask, listItem } from '../../../test/tasks.ts';
import type { TaskCounts } from '../model/task-types.ts';
import { TaskIndicators } from './task-indicators.tsx';
import { TaskSummary } from './task-summary.tsx';

const card = (description: string, counts: TaskCounts) => ({
  ...listItem(aTask({ title: 'Ship it', position: 'a0', description })),
  counts,
});

describe('TaskIndicators', () => {
  it('name the description, the comments and the files, with their numbers', () => {
    render(<TaskIndicators task={card('Steps:\n1. build', { comments: 3, attachments: 1 })} />);
    expect(screen.getByRole('img', { name: 'Has a description' })).toBeTruthy();
    expect(screen.getByRole('img', { name: '3 comments' }).textContent).toBe('3');
    expect(screen.getByRole('img', { name: '1 attachment' }).textContent).toBe('1');
  });

  it('show nothing for what is not there', () => {
    const { container, rerender } = render(
      <TaskIndicators task={card('  \n', { comments: 0, attachments: 0 })} />,
    );
    expect(container.innerHTML).toBe('');
    rerender(<TaskIndicators task={card('', { comments: 1, attachments: 0 })} />);
    expect(
      screen.getAllByTestId('task-indicator').map((i) => i.getAttribute('aria-label')),
    ).toEqual(['1 comment']);
  });

  it('stand on the title’s line of a card, so the card is no taller', async () => {
    const task = card('Why', { comments: 2, attachments: 4 });
    renderPage(() => <TaskSummary task={task} members={new Map()} />);
    const title = await screen.findByTestId('task-title');
    const line = title.parentElement as HTMLElement;
    expect(within(line).getByRole('img', { name: '2 comments' })).toBeTruthy();
    expect(within(line).getByRole('img', { name: '4 attachments' })).toBeTruthy();
    expect(title.className).toContain('truncate');
  });
});
