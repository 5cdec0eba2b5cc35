import { z } from 'zod';
import { explainedEnum, requestBody } from './named.ts';
import { listOf } from './pagination.ts';
import { requiredText } from './text.ts';

/** Every personal access token starts with this, so that secret scanners can recognise one. */
export const ACCESS_TOKEN_PREFIX = 'tf_pat_';

/** The longest a token may live: no token is valid for more than a year, none forever. */
export const ACCESS_TOKEN_MAX_DAYS = 365;

/** How many live tokens one account may hold. */
export const ACCESS_TOKEN_MAX_PER_USER = 50;

export const AccessTokenScope = explainedEnum('AccessTokenScope', ['read', 'read_write'], {
  read: 'reads only (GET and HEAD requests)',
  read_write: 'reads and changes what the user can change, except their account and administration',
});
export type AccessTokenScope = z.infer<typeof AccessTokenScope>;

export const CreateAccessTokenBody = requestBody('CreateAccessTokenBody', {
  name: requiredText(100, 'Name the token'),
  scope: AccessTokenScope,
  expiresInDays: z
    .int()
    .min(1)
    .max(ACCESS_TOKEN_MAX_DAYS)
    .describe('Days from now until the token stops working (at most a year)'),
});
export type CreateAccessTokenBody = z.input<typeof CreateAccessTokenBody>;

/** A token as its owner sees it in the list: never the secret, only its last four characters. */
export const AccessToken = z
  .object({
    id: z.uuid(),
    name: z.string().max(100),
    scope: AccessTokenScope,
    lastFour: z.string().max(4).describe('The last four characters of the token'),
    createdAt: z.iso.datetime(),
    expiresAt: z.iso.datetime(),
    lastUsedAt: z.iso.datetime().nullable().describe('Updated at most about once a minute'),
    lastUsedIp: z.string().max(64).nullable(),
  })
  .meta({ id: 'AccessToken' });
export type AccessToken = z.infer<typeof AccessToken>;

export const AccessTokenList = listOf(AccessToken, ACCESS_TOKEN_MAX_PER_USER).meta({
  id: 'AccessTokenList',
});

/** The answer to creating a token: the only time its secret is ever shown. */
export const CreatedAccessToken = AccessToken.extend({
  token: z
    .string()
    .max(100)
    .describe('The token itself (`tf_pat_…`): shown this once, stored only as a hash'),
}).meta({ id: 'CreatedAccessToken' });
export type CreatedAccessToken = z.infer<typeof CreatedAccessToken>;

export const AccessTokenIdParams = z.object({ id: z.uuid() });
