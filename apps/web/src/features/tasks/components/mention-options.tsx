import type { Member } from '../model/task-types.ts';

/** The members matching a typed `@name`, as a listbox tied to the textarea that shows it. */
export function MentionOptions({
  id,
  options,
  active,
  onPick,
}: {
  id: string;
  options: readonly Member[];
  active: number;
  onPick: (member: Member) => void;
}) {
  return (
    <div
      id={id}
      role="listbox"
      aria-label="Members to mention"
      className="absolute left-0 z-10 mt-1 max-h-56 w-full max-w-xs overflow-auto rounded-md border border-slate-300 bg-white py-1 text-sm shadow-lg dark:border-slate-600 dark:bg-slate-900"
    >
      {options.map((member, index) => (
        // biome-ignore lint/a11y/useKeyWithClickEvents: the textarea keeps the focus and takes the keys (aria-activedescendant)
        <div
          key={member.userId}
          id={`${id}-${member.userId}`}
          role="option"
          tabIndex={-1}
          aria-selected={index === active}
          // Keeps the focus (and the caret) in the textarea.
          onMouseDown={(event) => event.preventDefault()}
          onClick={() => onPick(member)}
          className={`cursor-pointer px-3 py-1.5 ${index === active ? 'bg-indigo-100 dark:bg-indigo-900' : ''}`}
        >
          <span className="font-medium">{member.name}</span>{' '}
          <span className="text-xs text-slate-600 dark:text-slate-300">{member.email}</span>
        </div>
      ))}
    </div>
  );
}
