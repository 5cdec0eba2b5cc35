/** A member a comment can mention. */
export type Mentionable = { id: string; name: string; email: string };

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
/** `@[Sam Lee](mention:<user id>)`, as the editor's autocomplete writes a mention. */
const LINKED = new RegExp(`@\\[[^\\]\\n]{1,100}\\]\\(mention:(${UUID})\\)`, 'gi');
/** `@sam` or `@sam.lee`, typed by hand: a name without spaces or an email's local part. */
const TYPED = /(?<![\w@])@([\p{L}\p{N}][\p{L}\p{N}._-]{0,63})/gu;

/** How a member can be typed after `@`: the name without spaces, the email before `@`. */
const handlesOf = (member: Mentionable) =>
  [member.name.replace(/\s+/g, ''), member.email.split('@')[0] ?? ''].map((h) => h.toLowerCase());

/**
 * The members a text mentions, each once: linked mentions by id, typed ones by a handle that
 * belongs to exactly one member (an ambiguous handle mentions nobody).
 */
export function mentionedIn(text: string, members: Mentionable[]): string[] {
  const found = new Set<string>();
  const ids = new Set(members.map((m) => m.id));
  for (const match of text.matchAll(LINKED)) {
    const id = match[1]?.toLowerCase();
    if (id && ids.has(id)) found.add(id);
  }
  const byHandle = new Map<string, string | null>();
  for (const member of members) {
    for (const handle of new Set(handlesOf(member))) {
      if (!handle) continue;
      const other = byHandle.get(handle);
      byHandle.set(handle, other === undefined || other === member.id ? member.id : null);
    }
  }
  const withoutLinks = text.replace(LINKED, ' ');
  for (const match of withoutLinks.matchAll(TYPED)) {
    const handle = match[1]?.replace(/[._-]+$/, '').toLowerCase();
    const id = handle ? byHandle.get(handle) : undefined;
    if (id) found.add(id);
  }
  return [...found];
}

/** The text with each linked mention written as `@Name`, as a reader of plain text expects. */
export const withPlainMentions = (text: string) =>
  text.replace(LINKED, (mention) => mention.slice(0, mention.indexOf('](')).replace('@[', '@'));
