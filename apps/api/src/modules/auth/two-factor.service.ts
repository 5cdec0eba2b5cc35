import { createHash, randomBytes } from 'node:crypto';
import type {
  RecoveryCodes,
  SecuritySettings,
  TwoFactorChallenge,
  TwoFactorEnrolment,
  TwoFactorStatus,
} from '@taskflow/contract';
import { DomainError, InvalidInputError } from '../../platform/errors.ts';
import type { AuthRepository, Client } from './auth.repository.ts';
import type { PasswordService } from './password.ts';
import type { TwoFactorRepository } from './two-factor.repository.ts';
import {
  isTotpCode,
  matchTotp,
  newEnrolment,
  newRecoveryCodes,
  normalRecoveryCode,
  type SecretBox,
} from './two-factor-codes.ts';

/** Between the password and the code: about five minutes, then the password is asked again. */
const CHALLENGE_TTL_SECONDS = 300;
/** Wrong codes a challenge survives; the next one ends it. */
const CHALLENGE_MAX_FAILURES = 5;

type Deps = {
  repo: TwoFactorRepository;
  accounts: Pick<AuthRepository, 'findUserById' | 'audit'>;
  passwords: PasswordService;
  box: SecretBox;
  /** Whether the account has a passkey, which can pass the challenge instead of a code. */
  hasPasskey: (userId: string) => Promise<boolean>;
};

type Caller = { userId: string; client: Client };
type SecondFactor = 'totp' | 'recovery_code';

const challengeHash = (token: string) => createHash('sha256').update(token).digest('hex');

/** TOTP two-factor sign-in (RFC 6238): enrolment, the sign-in challenge, recovery codes. */
export function createTwoFactorService({ repo, accounts, passwords, box, hasPasskey }: Deps) {
  const audit = (caller: Caller, type: string, detail?: Record<string, unknown>) =>
    accounts.audit({
      type,
      actorId: caller.userId,
      subjectId: caller.userId,
      client: caller.client,
      detail,
    });

  /**
   * Checks a code of an enrolled user: a TOTP code not used before (its step is recorded), or an
   * unused recovery code (used up now). Which kind passed, or null.
   */
  async function passCode(userId: string, code: string): Promise<SecondFactor | null> {
    const row = await repo.find(userId);
    if (!row?.confirmed_at) return null;
    if (isTotpCode(code)) {
      const step = await matchTotp(box.open(row.secret), code, row.last_used_step);
      return step !== null && (await repo.useStep(userId, step)) ? 'totp' : null;
    }
    const normal = normalRecoveryCode(code);
    if (!normal) return null;
    for (const hash of await repo.unusedRecoveryCodes(userId)) {
      if (await passwords.verify(hash, normal)) {
        return (await repo.useRecoveryCode(userId, hash)) ? 'recovery_code' : null;
      }
    }
    return null;
  }

  /**
   * Recovery codes have ~50 bits: stored as argon2id hashes, salted, like passwords (ASVS 6.5.2
   * asks for that below 112 bits).
   */
  const hashRecoveryCodes = (codes: string[]) =>
    Promise.all(codes.map((code) => passwords.hash(normalRecoveryCode(code) ?? code)));

  /** A code on an account route: wrong ones are audited and answered as a field error. */
  async function requireCode(caller: Caller, code: string) {
    const passed = await passCode(caller.userId, code);
    if (!passed) {
      await audit(caller, 'two_factor.failed', { where: 'account' });
      throw InvalidInputError.field('code', 'The code is not correct');
    }
    if (passed === 'recovery_code') await auditRecoveryUse(caller);
    return passed;
  }

  async function auditRecoveryUse(caller: Caller) {
    await audit(caller, 'two_factor.recovery_code_used', {
      left: await repo.recoveryCodesLeft(caller.userId),
    });
  }

  async function requirePassword(userId: string, password: string) {
    const user = await accounts.findUserById(userId);
    if (!user || !(await passwords.verify(user.password_hash, password))) {
      throw InvalidInputError.field('password', 'The password is not correct');
    }
    return user;
  }

  const notEnabled = () =>
    new DomainError('CONFLICT', { detail: 'Two-factor sign-in is not on for this account' });

  return {
    isEnabled: (userId: string) => repo.isEnabled(userId),

    /** A second factor given outside a sign-in challenge (linking a single sign-on identity). */
    passCode,

    /** Whether an administrator must be refused operator routes until they enrol. */
    adminLacksTwoFactor: (userId: string) => repo.adminLacksTwoFactor(userId),

    /** Whose live challenge a token is (for the per-account limit on code attempts). */
    async challengeOwner(token: string) {
      const found = await repo.findLiveChallenge(challengeHash(token), CHALLENGE_MAX_FAILURES);
      return found?.user_id;
    },

    /** After a correct password: a short-lived, single-purpose challenge (not a session). */
    async newChallenge(userId: string): Promise<TwoFactorChallenge> {
      const token = randomBytes(32).toString('base64url');
      await repo.deleteExpiredChallenges(new Date(Date.now() - 3_600_000));
      await repo.insertChallenge({
        tokenHash: challengeHash(token),
        userId,
        expiresAt: new Date(Date.now() + CHALLENGE_TTL_SECONDS * 1000),
      });
      return {
        twoFactorRequired: true,
        challenge: token,
        expiresIn: CHALLENGE_TTL_SECONDS,
        passkey: await hasPasskey(userId),
      };
    },

    /**
     * The second step of sign-in: the user whose challenge this is, once a code passes. A wrong
     * code counts against the challenge, which dies after a few; a used one cannot serve again.
     */
    async passChallenge(token: string, code: string, client: Client) {
      const hash = challengeHash(token);
      const challenge = await repo.findLiveChallenge(hash, CHALLENGE_MAX_FAILURES);
      if (!challenge) throw new DomainError('TWO_FACTOR_CHALLENGE_EXPIRED');
      const caller = { userId: challenge.user_id, client };
      const method = await passCode(challenge.user_id, code);
      if (!method) {
        await repo.failChallenge(hash);
        const left = CHALLENGE_MAX_FAILURES - challenge.failed_attempts - 1;
        await audit(caller, 'two_factor.failed', { where: 'sign_in', attemptsLeft: left });
        throw new DomainError('TWO_FACTOR_CODE_INVALID', {
          detail:
            left > 0
              ? 'The code is not correct'
              : 'The code is not correct; enter your password again',
        });
      }
      if (!(await repo.useChallenge(hash))) throw new DomainError('TWO_FACTOR_CHALLENGE_EXPIRED');
      if (method === 'recovery_code') await auditRecoveryUse(caller);
      return { userId: challenge.user_id, method };
    },

    /**
     * The second step of sign-in passed with a passkey instead of a code: `verify` checks the
     * assertion for the challenge's user (and throws when it fails, which counts against the
     * challenge like a wrong code).
     */
    async passChallengeWithPasskey(
      token: string,
      verify: (userId: string) => Promise<{ passkeyId: string }>,
    ) {
      const hash = challengeHash(token);
      const challenge = await repo.findLiveChallenge(hash, CHALLENGE_MAX_FAILURES);
      if (!challenge) throw new DomainError('TWO_FACTOR_CHALLENGE_EXPIRED');
      let passed: { passkeyId: string };
      try {
        passed = await verify(challenge.user_id);
      } catch (error) {
        await repo.failChallenge(hash);
        throw error;
      }
      if (!(await repo.useChallenge(hash))) throw new DomainError('TWO_FACTOR_CHALLENGE_EXPIRED');
      return { userId: challenge.user_id, passkeyId: passed.passkeyId };
    },

    async status(userId: string, role: 'user' | 'admin'): Promise<TwoFactorStatus> {
      const row = await repo.find(userId);
      const enabled = Boolean(row?.confirmed_at);
      return {
        enabled,
        enabledAt: row?.confirmed_at ?? null,
        recoveryCodesLeft: enabled ? await repo.recoveryCodesLeft(userId) : 0,
        required: role === 'admin' && !enabled && (await repo.requiredForAdmins()),
      };
    },

    /** A new secret, shown this once, waiting for a first code to turn two-factor sign-in on. */
    async enrol(caller: Caller, password: string): Promise<TwoFactorEnrolment> {
      const user = await requirePassword(caller.userId, password);
      const enrolment = await newEnrolment(user.email);
      if (!(await repo.savePending(caller.userId, box.seal(enrolment.secret)))) {
        throw new DomainError('CONFLICT', { detail: 'Two-factor sign-in is already on' });
      }
      await audit(caller, 'two_factor.enrolment_started');
      return enrolment;
    },

    /** The first code from the app turns it on; the recovery codes are shown this once. */
    async confirm(caller: Caller, code: string): Promise<RecoveryCodes> {
      const row = await repo.find(caller.userId);
      if (!row || row.confirmed_at) {
        throw new DomainError('CONFLICT', { detail: 'Start the enrolment first' });
      }
      const step = isTotpCode(code) ? await matchTotp(box.open(row.secret), code, null) : null;
      if (step === null) {
        await audit(caller, 'two_factor.failed', { where: 'enrolment' });
        throw InvalidInputError.field('code', 'The code is not correct');
      }
      const recoveryCodes = newRecoveryCodes();
      if (!(await repo.confirm(caller.userId, step, await hashRecoveryCodes(recoveryCodes)))) {
        throw new DomainError('CONFLICT', { detail: 'Two-factor sign-in is already on' });
      }
      await audit(caller, 'two_factor.enabled');
      return { recoveryCodes };
    },

    /** Turning it off asks for the password and a current code (or a recovery code). */
    async disable(caller: Caller, password: string, code: string) {
      await requirePassword(caller.userId, password);
      if (!(await repo.isEnabled(caller.userId))) throw notEnabled();
      const method = await requireCode(caller, code);
      await repo.remove(caller.userId);
      await audit(caller, 'two_factor.disabled', { method });
    },

    /** New recovery codes replace every earlier one; a current code is asked. */
    async regenerateRecoveryCodes(caller: Caller, code: string): Promise<RecoveryCodes> {
      if (!(await repo.isEnabled(caller.userId))) throw notEnabled();
      await requireCode(caller, code);
      const recoveryCodes = newRecoveryCodes();
      await repo.replaceRecoveryCodes(caller.userId, await hashRecoveryCodes(recoveryCodes));
      await audit(caller, 'two_factor.recovery_codes_regenerated');
      return { recoveryCodes };
    },

    async settings(): Promise<SecuritySettings> {
      return { requireTwoFactorForAdmins: await repo.requiredForAdmins() };
    },

    /** An administrator cannot require what they have not done: they would lock themselves out. */
    async updateSettings(caller: Caller, required: boolean): Promise<SecuritySettings> {
      if (required && !(await repo.isEnabled(caller.userId))) {
        throw new DomainError('CONFLICT', {
          detail: 'Turn on two-factor sign-in for your own account first',
        });
      }
      await repo.setRequiredForAdmins(required, caller.userId);
      await audit(caller, 'settings.changed', { requireTwoFactorForAdmins: required });
      return { requireTwoFactorForAdmins: required };
    },
  };
}

export type TwoFactorService = ReturnType<typeof createTwoFactorService>;
