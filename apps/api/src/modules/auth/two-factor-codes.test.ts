import { generate } from 'otplib';
import { describe, expect, it } from 'vitest';
import {
  isTotpCode,
  matchTotp,
  newEnrolment,
  newRecoveryCodes,
  normalRecoveryCode,
  secretBox,
} from './two-factor-codes.ts';

const key = Buffer.alloc(32, 7).toString('base64url');

describe('secret box', () => {
  it('seals with AES-GCM under the key and opens again; a tampered or re-keyed secret fails', () => {
    const box = secretBox(key);
    const sealed = box.seal('JBSWY3DPEHPK3PXP');
    expect(sealed).toMatch(/^v1\./);
    expect(sealed).not.toContain('JBSWY3DPEHPK3PXP');
    expect(box.open(sealed)).toBe('JBSWY3DPEHPK3PXP');
    expect(box.seal('JBSWY3DPEHPK3PXP')).not.toBe(sealed);
    const other = secretBox(Buffer.alloc(32, 8).toString('base64url'));
    expect(() => other.open(sealed)).toThrow();
    expect(() => secretBox(undefined).open(sealed)).toThrow(/TWO_FACTOR_ENCRYPTION_KEY/);
  });

  it('without a key stores the secret as it is, and reads it back once a key is set', () => {
    const stored = secretBox(undefined).seal('JBSWY3DPEHPK3PXP');
    expect(stored).toBe('plain.JBSWY3DPEHPK3PXP');
    expect(secretBox(key).open(stored)).toBe('JBSWY3DPEHPK3PXP');
  });
});

describe('TOTP codes', () => {
  it('makes a 160-bit base32 secret with its otpauth URI and QR code', async () => {
    const { secret, otpauthUri, qrCode } = await newEnrolment('ada@example.com');
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(otpauthUri).toContain(`secret=${secret}`);
    expect(otpauthUri).toContain('issuer=TaskFlow');
    expect(Buffer.from(qrCode.split(',')[1] ?? '', 'base64').toString()).toContain('<svg');
  });

  it('matches a code of now or one step either side, later than the step used before', async () => {
    const { secret } = await newEnrolment('ada@example.com');
    const now = Math.floor(Date.now() / 1000);
    const code = await generate({ secret, epoch: now });
    const step = await matchTotp(secret, code, null);
    expect(step).toBe(Math.floor(now / 30));
    expect(await matchTotp(secret, code, step)).toBeNull();
    expect(await matchTotp(secret, await generate({ secret, epoch: now + 30 }), step)).toBe(
      (step ?? 0) + 1,
    );
    expect(await matchTotp(secret, await generate({ secret, epoch: now - 90 }), null)).toBeNull();
    expect(isTotpCode('123 456')).toBe(true);
    expect(isTotpCode('abcde-fghjk')).toBe(false);
  });
});

describe('recovery codes', () => {
  it('are ten distinct codes, read the same whatever the case, spaces or dash', () => {
    const codes = newRecoveryCodes();
    expect(new Set(codes).size).toBe(10);
    for (const code of codes) expect(code).toMatch(/^[a-z2-9]{5}-[a-z2-9]{5}$/);
    const [code = ''] = codes;
    expect(normalRecoveryCode(code.toUpperCase().replace('-', ' '))).toBe(code.replace('-', ''));
    expect(normalRecoveryCode('123456')).toBeNull();
    expect(normalRecoveryCode('abcde-fghi1')).toBeNull();
  });
});
