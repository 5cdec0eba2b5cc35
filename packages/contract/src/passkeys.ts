import { z } from 'zod';
import { PresentedPassword } from './auth.ts';
import { requestBody } from './named.ts';
import { listOf } from './pagination.ts';
import { requiredText } from './text.ts';

/** How many passkeys one account may hold. */
export const PASSKEY_MAX_PER_USER = 20;

/** Base64url text (WebAuthn's binary fields in JSON), at most `max` characters. */
const b64url = (max: number) =>
  z
    .string()
    .max(max)
    .regex(/^[A-Za-z0-9_-]*$/, 'Base64url text');

/** A credential id: at most 1023 bytes (WebAuthn Level 3), so 1364 base64url characters. */
const CredentialId = b64url(1400).min(1);
const Transport = z.string().max(32);

const Descriptor = z.object({
  id: CredentialId,
  type: z.literal('public-key'),
  transports: z.array(Transport).max(10).optional(),
});

const UserVerification = z.enum(['required', 'preferred', 'discouraged']);

/** What `navigator.credentials.create()` needs (as JSON): pass it to the browser as it is. */
export const PasskeyCreationOptions = z
  .object({
    challenge: b64url(128),
    rp: z.object({ id: z.string().max(253).optional(), name: z.string().max(100) }),
    user: z.object({
      id: b64url(128),
      name: z.string().max(320),
      displayName: z.string().max(200),
    }),
    pubKeyCredParams: z
      .array(z.object({ type: z.literal('public-key'), alg: z.int().min(-65535).max(65535) }))
      .max(10),
    timeout: z.int().min(1).max(600_000).optional(),
    excludeCredentials: z.array(Descriptor).max(50).optional(),
    authenticatorSelection: z
      .object({
        authenticatorAttachment: z.enum(['platform', 'cross-platform']).optional(),
        residentKey: z.enum(['required', 'preferred', 'discouraged']).optional(),
        requireResidentKey: z.boolean().optional(),
        userVerification: UserVerification.optional(),
      })
      .optional(),
    attestation: z.enum(['none', 'indirect', 'direct', 'enterprise']).optional(),
    hints: z.array(z.string().max(32)).max(5).optional(),
    extensions: z.object({ credProps: z.boolean().optional() }).optional(),
  })
  .meta({ id: 'PasskeyCreationOptions' });
export type PasskeyCreationOptions = z.infer<typeof PasskeyCreationOptions>;

/** What `navigator.credentials.get()` needs (as JSON): pass it to the browser as it is. */
export const PasskeyRequestOptions = z
  .object({
    challenge: b64url(128),
    timeout: z.int().min(1).max(600_000).optional(),
    rpId: z.string().max(253).optional(),
    allowCredentials: z.array(Descriptor).max(50).optional(),
    userVerification: UserVerification.optional(),
    hints: z.array(z.string().max(32)).max(5).optional(),
  })
  .meta({ id: 'PasskeyRequestOptions' });
export type PasskeyRequestOptions = z.infer<typeof PasskeyRequestOptions>;

const ChallengeId = z.uuid().describe('Names the options this answer is for: send it back');

/** Registration options: a single-use challenge of about five minutes. */
export const PasskeyRegistrationOptions = z
  .object({ challengeId: ChallengeId, options: PasskeyCreationOptions })
  .meta({ id: 'PasskeyRegistrationOptions' });
export type PasskeyRegistrationOptions = z.infer<typeof PasskeyRegistrationOptions>;

/** Sign-in options: a single-use challenge of about five minutes. */
export const PasskeySignInOptions = z
  .object({ challengeId: ChallengeId, options: PasskeyRequestOptions })
  .meta({ id: 'PasskeySignInOptions' });
export type PasskeySignInOptions = z.infer<typeof PasskeySignInOptions>;

const ClientExtensionResults = z.object({
  credProps: z.object({ rk: z.boolean().optional() }).optional(),
});
const Attachment = z.enum(['platform', 'cross-platform']).optional();

/** The browser's answer to `create()`, as `@simplewebauthn/browser` gives it. */
export const PasskeyAttestation = z
  .object({
    id: CredentialId,
    rawId: CredentialId,
    type: z.literal('public-key'),
    response: z.object({
      clientDataJSON: b64url(4096),
      attestationObject: b64url(16_384),
      authenticatorData: b64url(8192).optional(),
      transports: z.array(Transport).max(10).optional(),
      publicKeyAlgorithm: z.int().min(-65535).max(65535).optional(),
      publicKey: b64url(8192).optional(),
    }),
    authenticatorAttachment: Attachment,
    clientExtensionResults: ClientExtensionResults,
  })
  .meta({ id: 'PasskeyAttestation' });
export type PasskeyAttestation = z.infer<typeof PasskeyAttestation>;

/** The browser's answer to `get()`, as `@simplewebauthn/browser` gives it. */
export const PasskeyAssertion = z
  .object({
    id: CredentialId,
    rawId: CredentialId,
    type: z.literal('public-key'),
    response: z.object({
      clientDataJSON: b64url(4096),
      authenticatorData: b64url(8192),
      // Post-quantum signatures are large: ML-DSA-87's is 4,627 bytes.
      signature: b64url(8192),
      userHandle: b64url(128).optional(),
    }),
    authenticatorAttachment: Attachment,
    clientExtensionResults: ClientExtensionResults,
  })
  .meta({ id: 'PasskeyAssertion' });
export type PasskeyAssertion = z.infer<typeof PasskeyAssertion>;

/** A name; a lone UTF-16 surrogate has no place in it (the audit log's JSON refuses one). */
const PasskeyName = requiredText(100, 'Name the passkey').refine(
  (s) => !/\p{Cs}/u.test(s),
  'Use printable characters only',
);

export const CreatePasskeyBody = requestBody('CreatePasskeyBody', {
  challengeId: z.uuid(),
  name: PasskeyName,
  credential: PasskeyAttestation,
});
export type CreatePasskeyBody = z.input<typeof CreatePasskeyBody>;

export const RenamePasskeyBody = requestBody('RenamePasskeyBody', { name: PasskeyName });
export type RenamePasskeyBody = z.input<typeof RenamePasskeyBody>;

export const RemovePasskeyBody = requestBody('RemovePasskeyBody', { password: PresentedPassword });
export type RemovePasskeyBody = z.input<typeof RemovePasskeyBody>;

export const PasskeySignInBody = requestBody('PasskeySignInBody', {
  challengeId: z.uuid(),
  credential: PasskeyAssertion,
});
export type PasskeySignInBody = z.input<typeof PasskeySignInBody>;

/** The second step of a sign-in with two factors, with the sign-in's challenge. */
export const TwoFactorPasskeyOptionsBody = requestBody('TwoFactorPasskeyOptionsBody', {
  challenge: z.string().min(16).max(100),
});
export type TwoFactorPasskeyOptionsBody = z.input<typeof TwoFactorPasskeyOptionsBody>;

export const TwoFactorPasskeyBody = requestBody('TwoFactorPasskeyBody', {
  challenge: z.string().min(16).max(100),
  challengeId: z.uuid(),
  credential: PasskeyAssertion,
});
export type TwoFactorPasskeyBody = z.input<typeof TwoFactorPasskeyBody>;

/** A passkey as its owner sees it: never the key itself. */
export const Passkey = z
  .object({
    id: z.uuid(),
    name: z.string().max(100),
    deviceType: z
      .enum(['singleDevice', 'multiDevice'])
      .describe('`multiDevice`: a synced passkey (a password manager, a phone account)'),
    backedUp: z.boolean(),
    createdAt: z.iso.datetime(),
    lastUsedAt: z.iso.datetime().nullable(),
  })
  .meta({ id: 'Passkey' });
export type Passkey = z.infer<typeof Passkey>;

export const PasskeyList = listOf(Passkey, PASSKEY_MAX_PER_USER).meta({ id: 'PasskeyList' });
export type PasskeyList = z.infer<typeof PasskeyList>;

export const PasskeyIdParams = z.object({ id: z.uuid() });
