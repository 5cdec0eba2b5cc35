import { z } from 'zod';
import { Email, NewPassword, PersonName } from './auth.ts';
import { requestBody } from './named.ts';

/** The secret part of a one-time setup link (`/setup/<token>`), as printed in the server's log. */
const SetupToken = z.string().min(16).max(200);

export const SetupTokenBody = requestBody('SetupTokenBody', { token: SetupToken });
export type SetupTokenBody = z.input<typeof SetupTokenBody>;

/** The first administrator's account, made from a setup link: the registration rules apply. */
export const SetupAccountBody = requestBody('SetupAccountBody', {
  token: SetupToken,
  email: Email,
  name: PersonName,
  password: NewPassword,
});
export type SetupAccountBody = z.input<typeof SetupAccountBody>;

export const SetupLink = z
  .object({
    state: z.literal('open'),
    expiresAt: z.iso.datetime(),
  })
  .meta({
    id: 'SetupLink',
    description: 'A setup link that can still make the first administrator',
  });
export type SetupLink = z.infer<typeof SetupLink>;
