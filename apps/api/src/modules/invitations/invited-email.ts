import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { parseToken, secretMatches } from './invitation-token.ts';
import { createInvitationsRepository } from './invitations.repository.ts';

/**
 * For sign-up: the address a pending email invitation was mailed to, when `token` is its token.
 * An account made for that address from the mailed link has proved it reads that mailbox.
 * Undefined for a link invitation, an unusable one, or anything that is not a token.
 */
export function invitedEmailOf(db: Kysely<DB>) {
  const repo = createInvitationsRepository(db);
  return async (token: string): Promise<string | undefined> => {
    const parsed = parseToken(token);
    const row = parsed && (await repo.preview(parsed.id));
    if (!parsed || !row || !secretMatches(parsed.secret, row.secret_hash)) return undefined;
    const usable = !row.revoked_at && row.uses === 0 && !row.expired;
    return row.kind === 'email' && usable ? (row.email ?? undefined) : undefined;
  };
}
