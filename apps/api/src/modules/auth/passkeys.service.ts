import { createHash } from 'node:crypto';
import type * as WebAuthn from '@simplewebauthn/server';
import type {
  Passkey,
  PasskeyAssertion,
  PasskeyAttestation,
  PasskeyRegistrationOptions,
  PasskeySignInOptions,
} from '@taskflow/contract';
import { PASSKEY_MAX_PER_USER } from '@taskflow/contract';
import type { Logger } from 'pino';
import { DomainError, InvalidInputError } from '../../platform/errors.ts';
import type { AuthRepository, Client } from './auth.repository.ts';
import type { RelyingParty } from './passkey-relying-party.ts';
import type { PasskeyRepository } from './passkeys.repository.ts';
import type { PasswordService } from './password.ts';

/** Between the options and the browser's answer: about five minutes. */
const CHALLENGE_TTL_SECONDS = 300;
const TIMEOUT_MS = CHALLENGE_TTL_SECONDS * 1000;

/** @simplewebauthn/server (with its X.509 and ASN.1 parsers), loaded by the first ceremony. */
let loaded: Promise<typeof WebAuthn> | undefined;
const webauthn = () => (loaded ??= import('@simplewebauthn/server'));

type Deps = {
  repo: PasskeyRepository;
  accounts: Pick<AuthRepository, 'findUserById' | 'audit'>;
  passwords: PasswordService;
  relyingParty: () => RelyingParty;
  logger: Logger;
};

type Caller = { userId: string; client: Client };
type Purpose = 'sign_in' | 'second_factor';
type Row = Awaited<ReturnType<PasskeyRepository['list']>>[number];

const hashOf = (challenge: string) => createHash('sha256').update(challenge).digest('hex');
const after = (seconds: number) => new Date(Date.now() + seconds * 1000);
/** The WebAuthn user handle of an account: its id, which names no person. */
const userHandle = (userId: string) => new TextEncoder().encode(userId);

const toPasskey = (row: Row): Passkey => ({
  id: row.id,
  name: row.name,
  deviceType: row.device_type,
  backedUp: row.backed_up,
  createdAt: row.created_at,
  lastUsedAt: row.last_used_at,
});

const expired = () => new DomainError('PASSKEY_CHALLENGE_EXPIRED');
const notFound = () => new DomainError('PASSKEY_NOT_FOUND');

/**
 * Passkeys (WebAuthn): registration on the account page, sign-in with a passkey alone
 * (discoverable credentials, user verification required) and as the second factor.
 */
export function createPasskeyService({ repo, accounts, passwords, relyingParty, logger }: Deps) {
  const audit = (
    type: string,
    who: { actorId?: string | null; subjectId: string | null; client: Client },
    detail?: Record<string, unknown>,
  ) => accounts.audit({ type, ...who, detail });
  const own = (caller: Caller) => ({
    actorId: caller.userId,
    subjectId: caller.userId,
    client: caller.client,
  });

  async function requirePassword(userId: string, password: string) {
    const user = await accounts.findUserById(userId);
    if (!user || !(await passwords.verify(user.password_hash, password))) {
      throw InvalidInputError.field('password', 'The password is not correct');
    }
    return user;
  }

  /** Stores the hash of a new challenge of `purpose`; its id names it in the answer. */
  async function storeChallenge(
    challenge: string,
    purpose: 'register' | Purpose,
    userId: string | null,
  ) {
    await repo.deleteExpiredChallenges(after(-3600));
    return repo.insertChallenge({
      challengeHash: hashOf(challenge),
      purpose,
      userId,
      expiresAt: after(CHALLENGE_TTL_SECONDS),
    });
  }

  async function requestOptions(
    purpose: Purpose,
    userId: string | null,
  ): Promise<PasskeySignInOptions> {
    const rp = relyingParty();
    const allowCredentials = userId
      ? (await repo.credentialsOf(userId)).map((c) => ({
          id: c.credential_id,
          transports: c.transports,
        }))
      : undefined;
    const options = await (await webauthn()).generateAuthenticationOptions({
      rpID: rp.id,
      timeout: TIMEOUT_MS,
      // Alone, a passkey must be two factors (possession and the user's PIN or biometrics).
      userVerification: purpose === 'sign_in' ? 'required' : 'preferred',
      ...(allowCredentials ? { allowCredentials } : {}),
    });
    const challengeId = await storeChallenge(options.challenge, purpose, userId);
    return { challengeId, options: options as PasskeySignInOptions['options'] };
  }

  /**
   * Checks an assertion against a challenge of `purpose`, used up first so that no answer serves
   * twice: the origin, the RP ID, the signature, user verification when signing in with the
   * passkey alone, and the counter (one that does not go forward is refused and audited).
   */
  async function verifyAssertion(
    purpose: Purpose,
    challengeId: string,
    credential: PasskeyAssertion,
    client: Client,
    userId?: string,
  ) {
    const challenge = await repo.useChallenge(challengeId, purpose);
    if (!challenge || (userId && challenge.user_id !== userId)) throw expired();
    const passkey = await repo.findByCredentialId(credential.id);
    const owner = passkey?.user_id ?? null;
    const refuse = async (reason: string, detail: Record<string, unknown> = {}) => {
      await audit('passkey.failed', { subjectId: owner, client }, { purpose, reason, ...detail });
      return new DomainError('PASSKEY_INVALID');
    };
    if (!passkey || (userId && owner !== userId)) throw await refuse('unknown_credential');
    const handle = credential.response.userHandle;
    if (handle && Buffer.from(handle, 'base64url').toString('utf8') !== passkey.user_id) {
      throw await refuse('user_handle_mismatch', { passkeyId: passkey.id });
    }
    const rp = relyingParty();
    const counter = Number(passkey.counter);
    let info: Awaited<
      ReturnType<typeof WebAuthn.verifyAuthenticationResponse>
    >['authenticationInfo'];
    try {
      const result = await (await webauthn()).verifyAuthenticationResponse({
        response: credential,
        expectedChallenge: (sent) => hashOf(sent) === challenge.challenge_hash,
        expectedOrigin: rp.origin,
        expectedRPID: rp.id,
        credential: {
          id: passkey.credential_id,
          publicKey: new Uint8Array(passkey.public_key),
          counter,
          transports: passkey.transports,
        },
        requireUserVerification: purpose === 'sign_in',
      });
      if (!result.verified) throw new Error('not verified');
      info = result.authenticationInfo;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      if (/counter/i.test(message)) {
        // A counter that does not move forward: the credential may have been cloned.
        logger.warn(
          { passkeyId: passkey.id, userId: owner },
          'security: passkey counter regressed',
        );
        await audit(
          'passkey.counter_regressed',
          { subjectId: owner, client },
          { passkeyId: passkey.id, purpose, stored: counter },
        );
        throw new DomainError('PASSKEY_INVALID');
      }
      throw await refuse('verification_failed', { passkeyId: passkey.id, message });
    }
    const recorded = await repo.recordUse(
      passkey.id,
      counter,
      info.newCounter,
      info.credentialBackedUp,
    );
    if (!recorded) throw await refuse('concurrent_use', { passkeyId: passkey.id });
    return { userId: passkey.user_id, passkeyId: passkey.id };
  }

  return {
    hasAny: (userId: string) => repo.hasAny(userId),

    list: async (userId: string) => (await repo.list(userId)).map(toPasskey),

    /** Options for `navigator.credentials.create()`; the password is asked, as for TOTP. */
    async registrationOptions(
      caller: Caller,
      password: string,
    ): Promise<PasskeyRegistrationOptions> {
      const user = await requirePassword(caller.userId, password);
      if ((await repo.count(caller.userId)) >= PASSKEY_MAX_PER_USER) {
        throw new DomainError('LIMIT_REACHED', {
          detail: `An account holds at most ${PASSKEY_MAX_PER_USER} passkeys`,
        });
      }
      const rp = relyingParty();
      const options = await (await webauthn()).generateRegistrationOptions({
        rpName: rp.name,
        rpID: rp.id,
        userName: user.email,
        userDisplayName: user.name,
        userID: userHandle(user.id),
        timeout: TIMEOUT_MS,
        attestationType: 'none',
        excludeCredentials: (await repo.credentialsOf(user.id)).map((c) => ({
          id: c.credential_id,
          transports: c.transports,
        })),
        authenticatorSelection: { residentKey: 'required', userVerification: 'required' },
      });
      const challengeId = await storeChallenge(options.challenge, 'register', user.id);
      return { challengeId, options: options as PasskeyRegistrationOptions['options'] };
    },

    /** The browser's answer to the options: the passkey is stored, audited, and listed. */
    async register(
      caller: Caller,
      input: { challengeId: string; name: string; credential: PasskeyAttestation },
    ): Promise<Passkey> {
      const challenge = await repo.useChallenge(input.challengeId, 'register');
      if (!challenge || challenge.user_id !== caller.userId) throw expired();
      const rp = relyingParty();
      let info: Awaited<ReturnType<typeof WebAuthn.verifyRegistrationResponse>>['registrationInfo'];
      try {
        const result = await (await webauthn()).verifyRegistrationResponse({
          response: input.credential,
          expectedChallenge: (sent) => hashOf(sent) === challenge.challenge_hash,
          expectedOrigin: rp.origin,
          expectedRPID: rp.id,
          requireUserVerification: true,
        });
        info = result.registrationInfo;
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        await audit('passkey.registration_failed', own(caller), { message });
        throw new DomainError('PASSKEY_REGISTRATION_INVALID');
      }
      if (!info) throw new DomainError('PASSKEY_REGISTRATION_INVALID');
      const row = await repo.insert({
        userId: caller.userId,
        credentialId: info.credential.id,
        publicKey: info.credential.publicKey,
        counter: info.credential.counter,
        transports: input.credential.response.transports ?? [],
        deviceType: info.credentialDeviceType,
        backedUp: info.credentialBackedUp,
        name: input.name,
      });
      if (!row) throw new DomainError('CONFLICT', { detail: 'This passkey is registered already' });
      await audit('passkey.registered', own(caller), { passkeyId: row.id, name: row.name });
      return toPasskey(row);
    },

    async rename(caller: Caller, id: string, name: string): Promise<Passkey> {
      const row = await repo.rename(caller.userId, id, name);
      if (!row) throw notFound();
      await audit('passkey.renamed', own(caller), { passkeyId: id, name });
      return toPasskey(row);
    },

    /** Removing one asks for the password, as turning TOTP off does. */
    async remove(caller: Caller, id: string, password: string) {
      await requirePassword(caller.userId, password);
      const name = await repo.remove(caller.userId, id);
      if (name === undefined) throw notFound();
      await audit('passkey.removed', own(caller), { passkeyId: id, name });
    },

    /** Options for a sign-in with a passkey alone: no account named, the browser offers them. */
    signInOptions: () => requestOptions('sign_in', null),

    /** The account a passkey-only sign-in proves, once the assertion passes. */
    authenticate: (challengeId: string, credential: PasskeyAssertion, client: Client) =>
      verifyAssertion('sign_in', challengeId, credential, client),

    /** Options for passing a sign-in's second-factor challenge with one of `userId`'s passkeys. */
    secondFactorOptions: (userId: string) => requestOptions('second_factor', userId),

    /** Whether the assertion is `userId`'s passkey answering a second-factor challenge. */
    async passSecondFactor(
      userId: string,
      challengeId: string,
      credential: PasskeyAssertion,
      client: Client,
    ) {
      return verifyAssertion('second_factor', challengeId, credential, client, userId);
    },
  };
}

export type PasskeyService = ReturnType<typeof createPasskeyService>;
