/** Who the browser must believe it talks to: the relying party of every WebAuthn ceremony. */
export type RelyingParty = { id: string; name: string; origin: string };

/**
 * The relying party for the request being handled: the web app's origin (`PUBLIC_URL` when set,
 * else the trusted request origin that mailed links use, `http://localhost:…` in development),
 * and its host name as the RP ID. Asked per request, like `appUrl`.
 */
export function relyingPartyOf(appUrl: () => string): () => RelyingParty {
  return () => {
    const url = new URL(appUrl());
    return { id: url.hostname, name: 'TaskFlow', origin: url.origin };
  };
}
