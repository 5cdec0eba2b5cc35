import * as argon2 from '@node-rs/argon2';
import { describe, expect, it } from 'vitest';
import { cheapArgon2 } from './passwords.ts';

describe('Argon2 at its lowest cost, for fuzz files', () => {
  it('labels a hash with the cost asked for and still tells a wrong password', async () => {
    const cheap = await cheapArgon2(async () => argon2);
    const hashed = await cheap.hash('violet staple', { memoryCost: 19_456, timeCost: 2 });
    expect(hashed).toMatch(/\$m=19456,t=2,p=1\$/);
    expect(await cheap.verify(hashed, 'violet staple')).toBe(true);
    expect(await cheap.verify(hashed, 'violet stapler')).toBe(false);
  });

  it('computes it at the lowest cost: the real library reads the label and refuses it', async () => {
    const cheap = await cheapArgon2(async () => argon2);
    const hashed = await cheap.hash('violet staple', { memoryCost: 19_456, timeCost: 2 });
    expect(await argon2.verify(hashed, 'violet staple')).toBe(false);
  });
});
