import { ACCESS_TOKEN_PREFIX } from '@taskflow/contract';
import { describe, expect, it } from 'vitest';
import { accessTokenHash, isWellFormedAccessToken, newAccessToken } from './access-token-secret.ts';

describe('personal access token secrets', () => {
  it('are prefixed, base 62, of a fixed length, and each one new', () => {
    const tokens = Array.from({ length: 200 }, newAccessToken);
    for (const token of tokens) {
      expect(token).toMatch(/^tf_pat_[0-9A-Za-z]{49}$/);
      expect(token.startsWith(ACCESS_TOKEN_PREFIX)).toBe(true);
      expect(isWellFormedAccessToken(token)).toBe(true);
    }
    expect(new Set(tokens).size).toBe(tokens.length);
  });

  it('carry a checksum: a changed character, a made-up or truncated token is not well formed', () => {
    const token = newAccessToken();
    const at = ACCESS_TOKEN_PREFIX.length + 5;
    const swapped = token.slice(0, at) + (token[at] === 'a' ? 'b' : 'a') + token.slice(at + 1);
    expect(isWellFormedAccessToken(swapped)).toBe(false);
    expect(isWellFormedAccessToken(`${ACCESS_TOKEN_PREFIX}${'a'.repeat(49)}`)).toBe(false);
    expect(isWellFormedAccessToken(token.slice(0, -1))).toBe(false);
    expect(isWellFormedAccessToken(`${token}x`)).toBe(false);
    expect(isWellFormedAccessToken(token.replace('tf_pat_', 'tf_xyz_'))).toBe(false);
  });

  it('are stored as a SHA-256 hex digest, never as themselves', () => {
    const token = newAccessToken();
    expect(accessTokenHash(token)).toMatch(/^[0-9a-f]{64}$/);
    expect(accessTokenHash(token)).not.toContain(token.slice(7));
  });
});
