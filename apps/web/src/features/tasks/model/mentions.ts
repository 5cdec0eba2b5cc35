import type { Member } from './task-types.ts';

/** The `@word` being typed just before the caret, and where its `@` is. */
export function mentionAt(text: string, caret: number): { start: number; query: string } | null {
  const match = /(^|\s)@([\p{L}\p{N}._-]*)$/u.exec(text.slice(0, caret));
  if (!match) return null;
  const query = match[2] ?? '';
  return { start: caret - query.length - 1, query };
}

/** The members whose name or email starts (or has a word starting) with the query. */
export function matchMembers(members: readonly Member[], query: string, limit = 6): Member[] {
  const q = query.toLowerCase();
  const fits = (member: Member) =>
    member.email.toLowerCase().startsWith(q) ||
    member.name
      .toLowerCase()
      .split(/\s+/)
      .some((word) => word.startsWith(q)) ||
    member.name.toLowerCase().replaceAll(/\s+/g, '').startsWith(q);
  return members.filter(fits).slice(0, limit);
}

/** The text with the typed `@query` replaced by a mention of `member`, and the caret after it. */
export function insertMention(
  text: string,
  mention: { start: number; query: string },
  member: Pick<Member, 'userId' | 'name'>,
): { text: string; caret: number } {
  const end = mention.start + 1 + mention.query.length;
  const rest = text.slice(end);
  // One space after it, to go on typing: the one already there, or a new one.
  const written = `@[${member.name}](mention:${member.userId})${/^\s/.test(rest) ? '' : ' '}`;
  return {
    text: text.slice(0, mention.start) + written + rest,
    caret: mention.start + written.length + (/^\s/.test(rest) ? 1 : 0),
  };
}
