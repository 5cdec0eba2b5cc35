import { createCipheriv, createDecipheriv, randomBytes, randomInt } from 'node:crypto';
import { RECOVERY_CODE_COUNT } from '@taskflow/contract';

/** The issuer authenticator apps show beside the account. */
const ISSUER = 'TaskFlow';
/** One time step either side of now: a phone clock a little off still works (RFC 6238 §5.2). */
const TOLERANCE_SECONDS = 30;

/**
 * Seals TOTP secrets at rest with AES-256-GCM under the configured key (`v1.` + iv, tag and
 * ciphertext); without a key they are stored as they are (`plain.`), and never shown again.
 */
export function secretBox(key: string | undefined) {
  const raw = key ? Buffer.from(key, 'base64url') : undefined;
  return {
    seal(secret: string) {
      if (!raw) return `plain.${secret}`;
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', raw, iv);
      const sealed = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()]);
      return ['v1', iv, cipher.getAuthTag(), sealed].map((p) => p.toString('base64url')).join('.');
    },
    open(stored: string) {
      const [version, ...parts] = stored.split('.');
      if (version === 'plain') return parts.join('.');
      if (version !== 'v1' || !raw || parts.length !== 3) {
        throw new Error('a two-factor secret cannot be opened: TWO_FACTOR_ENCRYPTION_KEY changed?');
      }
      const [iv, tag, sealed] = parts.map((p) => Buffer.from(p, 'base64url')) as [
        Buffer,
        Buffer,
        Buffer,
      ];
      const decipher = createDecipheriv('aes-256-gcm', raw, iv);
      decipher.setAuthTag(tag);
      return Buffer.concat([decipher.update(sealed), decipher.final()]).toString('utf8');
    },
  };
}

export type SecretBox = ReturnType<typeof secretBox>;

/** A new 160-bit secret, its otpauth:// URI for `account`, and that URI as an SVG QR code. */
export async function newEnrolment(account: string) {
  // otplib and qrcode load with the first use of two factors, not with every process.
  const [{ generateSecret, generateURI }, { default: QRCode }] = await Promise.all([
    import('otplib'),
    import('qrcode'),
  ]);
  const secret = generateSecret();
  const otpauthUri = generateURI({ issuer: ISSUER, label: account, secret });
  const svg = await QRCode.toString(otpauthUri, { type: 'svg', errorCorrectionLevel: 'M' });
  const qrCode = `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
  return { secret, otpauthUri, qrCode };
}

/** Six digits: what an authenticator app shows (spaces typed between groups are dropped). */
export const isTotpCode = (code: string) => /^\d{6}$/.test(code.replace(/\s/g, ''));

/**
 * The time step a code matches, later than `afterStep` (a code used once is refused until its
 * window has passed), or null.
 */
export async function matchTotp(secret: string, code: string, afterStep: number | null) {
  const { verify } = await import('otplib');
  const result = await verify({
    secret,
    token: code.replace(/\s/g, ''),
    epochTolerance: TOLERANCE_SECONDS,
    ...(afterStep === null ? {} : { afterTimeStep: afterStep }),
  });
  return result.valid && 'timeStep' in result ? result.timeStep : null;
}

/** Recovery codes are written `xxxxx-xxxxx` from an alphabet without look-alikes: ~50 bits each. */
const ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

const recoveryCode = () => {
  const chars = Array.from({ length: 10 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
  return `${chars.slice(0, 5)}-${chars.slice(5)}`;
};

export const newRecoveryCodes = () => Array.from({ length: RECOVERY_CODE_COUNT }, recoveryCode);

/**
 * A recovery code as typed, without case, spaces or the dash: what is hashed and checked; null
 * when it cannot be one (so no hashing work is spent on it).
 */
export function normalRecoveryCode(code: string) {
  const normal = code.toLowerCase().replace(/[\s-]/g, '');
  return normal.length === 10 && [...normal].every((c) => ALPHABET.includes(c)) ? normal : null;
}
