const MAX_TERMS = 8;

/**
 * The words of a search as a PostgreSQL `tsquery` text: every word must match, each as a prefix
 * (`deplo` finds "deploy"), so results narrow as the user types. Only letters and digits pass,
 * each word quoted, so nothing the user types is read as tsquery syntax. Null when the search
 * has no words.
 */
export function toPrefixQuery(search: string): string | null {
  const words = search.normalize('NFKC').match(/[\p{L}\p{N}]+/gu) ?? [];
  const terms = [...new Set(words.map((w) => w.toLowerCase().slice(0, 50)))].slice(0, MAX_TERMS);
  return terms.length === 0 ? null : terms.map((t) => `'${t}':*`).join(' & ');
}
