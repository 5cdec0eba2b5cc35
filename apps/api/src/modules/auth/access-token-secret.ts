import { createHash, randomBytes } from 'node:crypto';
import { crc32 } from 'node:zlib';
import { ACCESS_TOKEN_PREFIX } from '@taskflow/contract';

const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
/** 256 random bits take 43 base-62 digits (62^43 > 2^256); a CRC-32 takes 6. */
const SECRET_DIGITS = 43;
const CHECKSUM_DIGITS = 6;
const SHAPE = new RegExp(
  `^${ACCESS_TOKEN_PREFIX}[0-9A-Za-z]{${SECRET_DIGITS}}[0-9A-Za-z]{${CHECKSUM_DIGITS}}$`,
);

function base62(value: bigint, digits: number) {
  let text = '';
  let rest = value;
  for (let i = 0; i < digits; i++) {
    text = ALPHABET[Number(rest % 62n)] + text;
    rest /= 62n;
  }
  return text;
}

const checksum = (secret: string) => base62(BigInt(crc32(secret)), CHECKSUM_DIGITS);

/**
 * A new token: `tf_pat_`, 256 random bits in base 62, and a CRC-32 of those (as GitHub's tokens
 * have), so that a scanner or this server can tell a mistyped or made-up token without a lookup.
 */
export function newAccessToken(): string {
  const secret = base62(BigInt(`0x${randomBytes(32).toString('hex')}`), SECRET_DIGITS);
  return `${ACCESS_TOKEN_PREFIX}${secret}${checksum(secret)}`;
}

/** Whether `token` has the shape of a token and its checksum holds. */
export function isWellFormedAccessToken(token: string): boolean {
  if (!SHAPE.test(token)) return false;
  const body = token.slice(ACCESS_TOKEN_PREFIX.length);
  return checksum(body.slice(0, SECRET_DIGITS)) === body.slice(SECRET_DIGITS);
}

/**
 * What is stored of a token. A fast hash is enough: the secret has 256 random bits, so there is
 * nothing to guess that a slow hash would protect (unlike a password).
 */
export const accessTokenHash = (token: string) => createHash('sha256').update(token).digest('hex');
