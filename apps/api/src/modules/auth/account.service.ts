import type { SessionInfo, User } from '@taskflow/contract';
import UAParser from 'ua-parser-js';
import type { TtlCache } from '../../platform/cache/ttl-cache.ts';
import { DomainError, InvalidInputError, NotFoundError } from '../../platform/errors.ts';
import type { AccessTokenService } from './access-tokens.service.ts';
import type { AuthRepository, Client } from './auth.repository.ts';
import { PROFILE_TTL_MS, toUser } from './auth.service.ts';
import { type PasswordService, requireAcceptablePassword } from './password.ts';
import type { SessionCache } from './session-cache.ts';

type Deps = {
  repo: AuthRepository;
  passwords: PasswordService;
  sessions: SessionCache;
  profiles: TtlCache<User>;
  tokens: Pick<AccessTokenService, 'revokeAll'>;
};
type Caller = { userId: string; sessionId: string; client: Client };

/** "Firefox 132 on Ubuntu", or a plain fallback when the user agent says little. */
export function describeDevice(userAgent: string | null): string {
  if (!userAgent) return 'Unknown device';
  const { browser, os } = new UAParser(userAgent).getResult();
  const name = [browser.name, browser.version?.split('.')[0]].filter(Boolean).join(' ');
  const system = [os.name, os.version].filter(Boolean).join(' ');
  if (name && system) return `${name} on ${system}`;
  return name || system || 'Unknown device';
}

/** The signed-in user's own account: profile, password, sessions. */
export function createAccountService({ repo, passwords, sessions, profiles, tokens }: Deps) {
  /** Terminating sessions needs the password again: a stolen session cannot lock its owner out. */
  async function confirmPassword(userId: string, password: string) {
    const user = await repo.findUserById(userId);
    if (!user || !(await passwords.verify(user.password_hash, password))) {
      throw InvalidInputError.field('password', 'The password is not correct');
    }
  }

  /** Records an action of the caller on their own account. */
  const auditOwn = (caller: Caller, type: string, detail: Record<string, unknown>) =>
    repo.audit({
      type,
      actorId: caller.userId,
      subjectId: caller.userId,
      client: caller.client,
      detail,
    });

  async function revoke(userId: string, reason: string, which: { only?: string; except?: string }) {
    const ids = await repo.revokeUserSessions(userId, reason, which);
    for (const id of ids) sessions.revoke(id);
    return ids;
  }

  return {
    async updateProfile(caller: Caller, name: string): Promise<User> {
      const user = await repo.updateName(caller.userId, name);
      if (!user) throw new DomainError('UNAUTHENTICATED');
      const profile = toUser(user);
      profiles.set(profile.id, profile, Date.now() + PROFILE_TTL_MS);
      return profile;
    },

    /**
     * Changes the password, signs out every other session and revokes every personal access
     * token (ASVS 7.4.3 style hygiene).
     */
    async changePassword(caller: Caller, current: string, next: string) {
      const user = await repo.findUserById(caller.userId);
      if (!user || !(await passwords.verify(user.password_hash, current))) {
        throw InvalidInputError.field('currentPassword', 'The current password is not correct');
      }
      requireAcceptablePassword(next, 'newPassword');
      await repo.setPasswordHash(user.id, await passwords.hash(next));
      const revoked = await revoke(user.id, 'password_changed', { except: caller.sessionId });
      await auditOwn(caller, 'password.changed', { revokedSessions: revoked.length });
      await tokens.revokeAll(user.id, 'password_changed', caller.client, caller.userId);
    },

    async listSessions(caller: Caller): Promise<SessionInfo[]> {
      const rows = await repo.listLiveSessions(caller.userId);
      return rows.map((r) => ({
        id: r.id,
        device: describeDevice(r.user_agent),
        userAgent: r.user_agent,
        ip: r.ip,
        createdAt: r.created_at,
        lastUsedAt: r.last_used_at,
        current: r.id === caller.sessionId,
      }));
    },

    /** Another user's session id answers 404, like one that does not exist. */
    async revokeSession(caller: Caller, sessionId: string, password: string) {
      await confirmPassword(caller.userId, password);
      const [revoked] = await revoke(caller.userId, 'revoked_by_user', { only: sessionId });
      if (!revoked) throw new NotFoundError('session');
      await auditOwn(caller, 'session.revoked', { sessionId });
    },

    async signOutEverywhere(caller: Caller, password: string) {
      await confirmPassword(caller.userId, password);
      const revoked = await revoke(caller.userId, 'sign_out_everywhere', {});
      await auditOwn(caller, 'session.revoked_all', { revokedSessions: revoked.length });
    },
  };
}

export type AccountService = ReturnType<typeof createAccountService>;
