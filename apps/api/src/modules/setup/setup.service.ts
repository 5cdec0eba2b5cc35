import { createHash, randomBytes } from 'node:crypto';
import type { SetupLink, User } from '@taskflow/contract';
import type { UnitOfWork } from '../../platform/db/unit-of-work.ts';
import { DomainError, InvalidInputError } from '../../platform/errors.ts';
import {
  type Client,
  type createAccountRecords,
  type PasswordService,
  passwordProblems,
  toUser,
} from '../auth/index.ts';
import type { createOutbox } from '../events/index.ts';
import type { createSetupRepository, SetupRepository } from './setup.repository.ts';

/** How long a printed setup link works: a new one is printed at the next start if still needed. */
const SETUP_LINK_TTL_MS = 24 * 60 * 60 * 1000;

/**
 * Only the SHA-256 of a link's token is stored and looked up: comparing hashes of a 256-bit
 * secret tells a timing attacker nothing about the secret itself.
 */
const tokenHash = (token: string) => createHash('sha256').update(token).digest('hex');

const invalid = () => new DomainError('SETUP_LINK_INVALID');
const used = () => new DomainError('SETUP_LINK_USED');

/**
 * A new link when the database has no administrator (undefined otherwise); earlier unused links
 * stop working.
 */
export async function issueSetupLink(
  repo: SetupRepository,
  now = Date.now(),
): Promise<{ token: string; expiresAt: Date } | undefined> {
  if (await repo.hasAdmin()) return undefined;
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now + SETUP_LINK_TTL_MS);
  await repo.deleteUnusedLinks();
  await repo.insertLink({ tokenHash: tokenHash(token), expiresAt });
  return { token, expiresAt };
}

type Deps = {
  repo: SetupRepository;
  uow: UnitOfWork<{
    setup: typeof createSetupRepository;
    accounts: typeof createAccountRecords;
    outbox: typeof createOutbox;
  }>;
  passwords: Pick<PasswordService, 'hash'>;
};

/** The first administrator of a database, made once from a one-time link printed at start. */
export function createSetupService({ repo, uow, passwords }: Deps) {
  /** Why a link cannot be used now: an administrator exists, it was used, or it is unknown. */
  async function refusal(setup: SetupRepository, hash: string): Promise<DomainError> {
    const link = await setup.findLink(hash);
    if (!link || (link.used_at === null && link.expired)) return invalid();
    return used();
  }

  /** Runs `change` with the link claimed for the user it returns, or throws why it cannot be. */
  async function claim(
    token: string,
    change: (setup: SetupRepository) => Promise<User | undefined>,
    client: Client,
  ): Promise<User> {
    const hash = tokenHash(token);
    return uow.run(async ({ setup, accounts, outbox }) => {
      if (await setup.hasAdmin()) throw used();
      const user = await change(setup);
      if (!user) throw new DomainError('CONFLICT', { detail: 'The account cannot be made admin' });
      if (!(await setup.useLink(hash, user.id))) throw await refusal(setup, hash);
      await accounts.audit({
        type: 'user.role_changed',
        actorId: user.id,
        subjectId: user.id,
        client,
        detail: { role: 'admin', via: 'setup_link' },
      });
      // The account's other open tabs take the new role too.
      await outbox.append([
        {
          type: 'user.role_changed',
          workspaceId: null,
          userId: user.id,
          actorId: user.id,
          data: { role: 'admin' },
        },
      ]);
      return user;
    });
  }

  return {
    /** Whether a link can still make the first administrator. */
    async check(token: string): Promise<SetupLink> {
      const hash = tokenHash(token);
      const link = await repo.findLink(hash);
      if (!link) throw invalid();
      if (link.used_at !== null || (await repo.hasAdmin())) throw used();
      if (link.expired) throw invalid();
      return { state: 'open', expiresAt: link.expires_at };
    },

    /** A new, verified administrator account (the registration rules apply). */
    async createAdmin(
      token: string,
      account: { email: string; name: string; password: string },
      client: Client,
    ): Promise<User> {
      const problems = passwordProblems(account.password);
      if (problems.length > 0)
        throw new InvalidInputError(problems.map((message) => ({ field: 'password', message })));
      const passwordHash = await passwords.hash(account.password);
      return claim(
        token,
        async (setup) => {
          const row = await setup.insertAdmin({ ...account, passwordHash });
          if (!row)
            throw new DomainError('CONFLICT', {
              detail:
                'An account with this email exists: sign in with it, then open the link again',
            });
          return toUser(row);
        },
        client,
      );
    },

    /** The signed-in caller's own account becomes the administrator. */
    promote: (token: string, userId: string, client: Client): Promise<User> =>
      claim(
        token,
        async (setup) => {
          const row = await setup.promote(userId);
          return row ? toUser(row) : undefined;
        },
        client,
      ),
  };
}

export type SetupService = ReturnType<typeof createSetupService>;
