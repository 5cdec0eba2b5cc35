import { type FormEvent, type KeyboardEvent, useId, useRef, useState } from 'react';
import { ApiError } from '../../../api/api-error.ts';
import { humanMessage } from '../../../api/error-message.ts';
import { Button } from '../../../components/button.tsx';
import { FormAlert } from '../../../components/form-alert.tsx';
import { insertMention, matchMembers, mentionAt } from '../model/mentions.ts';
import type { Member } from '../model/task-types.ts';
import { MentionOptions } from './mention-options.tsx';

type Mention = { start: number; query: string };

/**
 * A comment's text: Ctrl/Cmd+Enter sends it; `@` and letters offer the members to mention. A
 * refused send keeps the text and shows why. Used to write a comment and to edit one.
 */
export function CommentComposer({
  members,
  label,
  submitLabel,
  initialText = '',
  onSubmit,
  onCancel,
}: {
  members: readonly Member[];
  label: string;
  submitLabel: string;
  initialText?: string;
  /** Resolves once sent; the composer then empties (unless editing, when it closes). */
  onSubmit: (text: string) => Promise<unknown>;
  onCancel?: () => void;
}) {
  const id = useId();
  const area = useRef<HTMLTextAreaElement>(null);
  const [text, setText] = useState(initialText);
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<{ message: string; field?: string | undefined } | null>(null);
  const [mention, setMention] = useState<Mention | null>(null);
  const [active, setActive] = useState(0);
  const options = mention ? matchMembers(members, mention.query) : [];
  const listId = `${id}-mentions`;
  const open = options.length > 0;

  function track(next: string, caret: number) {
    setText(next);
    const found = mentionAt(next, caret);
    setMention(found);
    if (found?.query !== mention?.query) setActive(0);
  }

  function pick(member: Member) {
    if (!mention) return;
    const next = insertMention(text, mention, member);
    setText(next.text);
    setMention(null);
    requestAnimationFrame(() => area.current?.setSelectionRange(next.caret, next.caret));
  }

  async function send(event?: FormEvent) {
    event?.preventDefault();
    if (sending || text.trim() === '') return;
    setSending(true);
    setError(null);
    try {
      await onSubmit(text);
      if (!onCancel) setText('');
    } catch (failure) {
      const field = failure instanceof ApiError ? failure.fieldErrors.body : undefined;
      setError({ message: humanMessage(failure), field });
    } finally {
      setSending(false);
    }
  }

  function keyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (open) {
      const step = { ArrowDown: 1, ArrowUp: -1 }[event.key];
      if (step) {
        event.preventDefault();
        setActive((index) => (index + step + options.length) % options.length);
        return;
      }
      const chosen = options[active];
      if ((event.key === 'Enter' || event.key === 'Tab') && chosen && !event.ctrlKey) {
        event.preventDefault();
        pick(chosen);
        return;
      }
      if (event.key === 'Escape') {
        event.preventDefault();
        setMention(null);
        return;
      }
    }
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      void send();
    }
  }

  const errorId = `${id}-error`;
  const activeOption = open ? options[active] : undefined;
  return (
    <form onSubmit={send} className="space-y-2" noValidate>
      {error && !error.field && <FormAlert>{error.message}</FormAlert>}
      <label htmlFor={id} className="sr-only">
        {label}
      </label>
      <div className="relative">
        <textarea
          ref={area}
          id={id}
          name="body"
          rows={3}
          value={text}
          placeholder="Write a comment… (@ to mention, Ctrl+Enter to send)"
          readOnly={sending}
          role="combobox"
          aria-autocomplete="list"
          aria-expanded={open}
          aria-controls={open ? listId : undefined}
          aria-activedescendant={activeOption ? `${listId}-${activeOption.userId}` : undefined}
          aria-invalid={error?.field ? true : undefined}
          aria-describedby={error?.field ? errorId : undefined}
          onChange={(event) => track(event.target.value, event.target.selectionStart)}
          onKeyDown={keyDown}
          onBlur={() => setMention(null)}
          className="block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm aria-invalid:border-red-600 dark:border-slate-600 dark:bg-slate-900"
        />
        {open && <MentionOptions id={listId} options={options} active={active} onPick={pick} />}
      </div>
      {error?.field && (
        <p id={errorId} className="text-sm text-red-700 dark:text-red-400" data-testid="body-error">
          {error.field}
        </p>
      )}
      <div className="flex justify-end gap-2">
        {onCancel && (
          <Button variant="secondary" size="sm" onClick={onCancel} disabled={sending}>
            Cancel
          </Button>
        )}
        <Button type="submit" size="sm" disabled={sending || text.trim() === ''}>
          {sending ? 'Sending…' : submitLabel}
        </Button>
      </div>
    </form>
  );
}
