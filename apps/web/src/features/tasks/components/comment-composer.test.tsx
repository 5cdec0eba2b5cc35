import { act, fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../../api/api-error.ts';
import { problemBody } from '../../../test/problem.ts';
import type { Member } from '../model/task-types.ts';
import { CommentComposer } from './comment-composer.tsx';

const member = (userId: string, name: string, email: string): Member => ({
  userId,
  name,
  email,
  role: 'member',
  joinedAt: '2026-01-01T00:00:00.000Z',
});
const members = [
  member('u-kim', 'Kim Lee', 'kim@example.com'),
  member('u-kira', 'Kira Roy', 'kroy@example.com'),
  member('u-sam', 'Sam Ortiz', 'sam@example.com'),
];

function setup(onSubmit: (text: string) => Promise<unknown>) {
  render(
    <CommentComposer members={members} label="Comment" submitLabel="Comment" onSubmit={onSubmit} />,
  );
  return screen.getByRole<HTMLTextAreaElement>('combobox', { name: 'Comment' });
}

const refused = (status: number, extra: Record<string, unknown>) =>
  ApiError.fromResponse(
    new Response(null, { status }),
    problemBody(status, status === 422 ? 'VALIDATION_FAILED' : 'FORBIDDEN', 'Refused', extra),
  );

describe('CommentComposer', () => {
  it('sends with Ctrl+Enter, waits while sending, then empties', async () => {
    let finish: (value: unknown) => void = () => undefined;
    const onSubmit = vi.fn(() => new Promise((resolve) => (finish = resolve)));
    const box = setup(onSubmit);
    fireEvent.change(box, { target: { value: 'Looks good' } });
    fireEvent.keyDown(box, { key: 'Enter', ctrlKey: true });

    expect(onSubmit).toHaveBeenCalledWith('Looks good');
    expect(screen.getByRole('button', { name: 'Sending…' }).hasAttribute('disabled')).toBe(true);
    fireEvent.keyDown(box, { key: 'Enter', metaKey: true });
    expect(onSubmit).toHaveBeenCalledTimes(1);

    await act(async () => finish(undefined));
    expect(box.value).toBe('');
    expect(screen.getByRole('button', { name: 'Comment' }).hasAttribute('disabled')).toBe(true);
  });

  it('sends with the button too, but never an empty text', () => {
    const onSubmit = vi.fn(async () => undefined);
    const box = setup(onSubmit);
    fireEvent.change(box, { target: { value: '   ' } });
    fireEvent.keyDown(box, { key: 'Enter', ctrlKey: true });
    expect(onSubmit).not.toHaveBeenCalled();
    fireEvent.change(box, { target: { value: 'Done' } });
    fireEvent.click(screen.getByRole('button', { name: 'Comment' }));
    expect(onSubmit).toHaveBeenCalledWith('Done');
  });

  it("shows the API's field error beside the text, and keeps the text", async () => {
    const error = refused(422, { errors: [{ path: 'body.body', message: 'Too long' }] });
    const box = setup(() => Promise.reject(error));
    fireEvent.change(box, { target: { value: 'x'.repeat(20) } });
    await act(async () => fireEvent.keyDown(box, { key: 'Enter', ctrlKey: true }));

    expect(screen.getByTestId('body-error').textContent).toContain('Too long');
    expect(box.getAttribute('aria-invalid')).toBe('true');
    expect(box.value).toBe('x'.repeat(20));
  });

  it('shows why the API refused it', async () => {
    const box = setup(() => Promise.reject(refused(403, {})));
    fireEvent.change(box, { target: { value: 'Hello' } });
    await act(async () => fireEvent.keyDown(box, { key: 'Enter', ctrlKey: true }));
    expect(screen.getByRole('alert').textContent).toContain('You do not have access to this.');
  });

  it('offers the members matching @ and inserts the one chosen with the keys', () => {
    const box = setup(async () => undefined);
    fireEvent.change(box, { target: { value: 'Ask @ki' } });

    const options = screen.getAllByRole('option');
    expect(options.map((option) => option.textContent)).toEqual([
      'Kim Lee kim@example.com',
      'Kira Roy kroy@example.com',
    ]);
    expect(box.getAttribute('aria-expanded')).toBe('true');
    expect(box.getAttribute('aria-activedescendant')).toBe(options[0]?.id);

    fireEvent.keyDown(box, { key: 'ArrowDown' });
    expect(box.getAttribute('aria-activedescendant')).toBe(options[1]?.id);
    expect(options[1]?.getAttribute('aria-selected')).toBe('true');
    fireEvent.keyDown(box, { key: 'Enter' });

    expect(box.value).toBe('Ask @[Kira Roy](mention:u-kira) ');
    expect(screen.queryByRole('listbox')).toBeNull();
  });

  it('inserts a member clicked in the list, by email too', () => {
    const box = setup(async () => undefined);
    fireEvent.change(box, { target: { value: '@sam' } });
    fireEvent.click(screen.getByRole('option', { name: /Sam Ortiz/ }));
    expect(box.value).toBe('@[Sam Ortiz](mention:u-sam) ');
  });
});
