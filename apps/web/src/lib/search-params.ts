/**
 * A return path from the URL, kept only when it stays on this site: `/account?tab=x` passes,
 * `https://evil.example`, `//evil.example` and `/\evil.example` do not (open-redirect guard).
 */
export function safeRedirect(value: unknown): string | undefined {
  if (typeof value !== 'string' || !value.startsWith('/')) return undefined;
  if (value.startsWith('//') || value.startsWith('/\\')) return undefined;
  return value;
}

/** Search params of pages reached from a mailed link: `?token=…`. */
export function tokenSearch(search: Record<string, unknown>): { token?: string } {
  return typeof search.token === 'string' && search.token ? { token: search.token } : {};
}

/**
 * Every search param is read as a plain string: the router's default would turn `?q=42` into a
 * number and `?q=true` into a boolean, which a search box cannot round-trip.
 */
export function parseSearch(searchStr: string): Record<string, string> {
  const search: Record<string, string> = {};
  for (const [key, value] of new URLSearchParams(searchStr)) search[key] = value;
  return search;
}

function stringifyValue(value: unknown): string {
  if (Array.isArray(value)) return value.map(String).join(',');
  if (typeof value === 'object' && value !== null) return JSON.stringify(value);
  return String(value);
}

/**
 * Lists become `status=todo,done` (commas kept readable, as RFC 3986 allows in a query); empty
 * strings, empty lists and undefined values are left out, so defaults never clutter a link.
 */
export function stringifySearch(search: Record<string, unknown>): string {
  const parts: string[] = [];
  for (const [key, raw] of Object.entries(search)) {
    if (raw === undefined || raw === null) continue;
    const value = stringifyValue(raw);
    if (value === '') continue;
    const encoded = encodeURIComponent(value).replaceAll('%2C', ',');
    parts.push(`${encodeURIComponent(key)}=${encoded}`);
  }
  return parts.length > 0 ? `?${parts.join('&')}` : '';
}
