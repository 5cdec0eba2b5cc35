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
