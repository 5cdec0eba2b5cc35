import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * An invitation token is the invitation's id (32 hex characters, its dashes dropped) followed by
 * a secret of 256 random bits (43 base64url characters). The id finds the row; only the secret's
 * SHA-256 is stored, and it is compared in constant time.
 */
const TOKEN = /^([0-9a-f]{32})([\w-]{43})$/;

const hashOf = (secret: string) => createHash('sha256').update(secret).digest();

export function newSecret() {
  const secret = randomBytes(32).toString('base64url');
  return { secret, secretHash: hashOf(secret).toString('hex') };
}

export function tokenOf(id: string, secret: string) {
  return `${id.replaceAll('-', '')}${secret}`;
}

/** The id and secret of a token; undefined when it cannot be one. */
export function parseToken(token: string): { id: string; secret: string } | undefined {
  const match = TOKEN.exec(token);
  if (!match?.[1] || !match[2]) return undefined;
  const hex = match[1];
  const id = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  return { id, secret: match[2] };
}

/** Whether the secret is the one whose hash is stored, in time that does not depend on where they differ. */
export function secretMatches(secret: string, storedHash: string) {
  const stored = Buffer.from(storedHash, 'hex');
  const presented = hashOf(secret);
  return stored.length === presented.length && timingSafeEqual(stored, presented);
}
