/** Where the signed-in user's access token comes from, and how a new one is bought. */
export interface TokenSource {
  /** The access token held in memory, or null when signed out. */
  getAccessToken(): string | null;
  /**
   * Gets a new access token; resolves false when there is no session left. Concurrent callers
   * must share one refresh: the refresh cookie rotates, so two refreshes with it would collide.
   */
  refresh(): Promise<boolean>;
}

const signedOut: TokenSource = { getAccessToken: () => null, refresh: async () => false };
let source: TokenSource = signedOut;

/**
 * The session (features/auth) hands its token source over once, for the requests the typed
 * client cannot send: uploads, whose progress only XMLHttpRequest reports.
 */
export function provideTokenSource(next: TokenSource): void {
  source = next;
}

export const tokenSource: TokenSource = {
  getAccessToken: () => source.getAccessToken(),
  refresh: () => source.refresh(),
};

/**
 * After a 401 to a request sent with `sentToken`: the token to send it again with, or null when
 * the session is gone. Another request may have refreshed meanwhile: then that token is used.
 */
export async function tokenAfterRefusal(
  sentToken: string,
  { getAccessToken, refresh }: TokenSource,
): Promise<string | null> {
  const current = getAccessToken();
  const fresh = current !== null && current !== sentToken;
  if (!fresh && !(await refresh().catch(() => false))) return null;
  return getAccessToken();
}

export const bearer = (token: string) => `Bearer ${token}`;
