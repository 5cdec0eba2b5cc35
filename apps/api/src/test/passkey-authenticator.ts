import { createHash, generateKeyPairSync, randomBytes, sign } from 'node:crypto';
import { type CBORType, encodeCBOR } from '@levischuck/tiny-cbor';

const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64url');
const sha256 = (data: Uint8Array | string) => createHash('sha256').update(data).digest();

/** Flags of authenticator data: user present, user verified, attested credential data. */
const UP = 0x01;
const UV = 0x04;
const AT = 0x40;

type Overrides = { origin?: string; rpId?: string; userVerified?: boolean; counter?: number };

/**
 * A software passkey for tests: one ES256 key pair, `none` attestation, and assertions signed
 * the way an authenticator signs them, so that the server's checks run for real.
 */
export function softwarePasskey(defaults: { origin: string; rpId: string }) {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const jwk = publicKey.export({ format: 'jwk' });
  const credentialId = randomBytes(16);
  let counter = 0;
  let userHandle: string | undefined;

  const authData = (o: Overrides, flags: number, count: number, attested?: Uint8Array) => {
    const head = Buffer.alloc(37);
    sha256(o.rpId ?? defaults.rpId).copy(head, 0);
    head[32] = flags | UP | (o.userVerified === false ? 0 : UV);
    head.writeUInt32BE(count, 33);
    return attested ? Buffer.concat([head, attested]) : head;
  };
  const clientData = (type: string, challenge: string, o: Overrides) =>
    Buffer.from(JSON.stringify({ type, challenge, origin: o.origin ?? defaults.origin }));

  return {
    id: b64(credentialId),

    /** The answer to registration options, as `@simplewebauthn/browser` would send it. */
    attest(options: { challenge: string; user: { id: string } }, o: Overrides = {}) {
      userHandle = options.user.id;
      const coseKey = new Map<number, number | Uint8Array>([
        [1, 2],
        [3, -7],
        [-1, 1],
        [-2, Buffer.from(jwk.x ?? '', 'base64url')],
        [-3, Buffer.from(jwk.y ?? '', 'base64url')],
      ]);
      const length = Buffer.alloc(2);
      length.writeUInt16BE(credentialId.length);
      const attested = Buffer.concat([Buffer.alloc(16), length, credentialId, encodeCBOR(coseKey)]);
      const attestationObject = encodeCBOR(
        new Map<string, CBORType>([
          ['fmt', 'none'],
          ['attStmt', new Map<string, CBORType>()],
          ['authData', authData(o, AT, 0, attested)],
        ]),
      );
      return {
        id: b64(credentialId),
        rawId: b64(credentialId),
        type: 'public-key' as const,
        response: {
          clientDataJSON: b64(clientData('webauthn.create', options.challenge, o)),
          attestationObject: b64(attestationObject),
          transports: ['internal'],
        },
        clientExtensionResults: {},
      };
    },

    /** The answer to sign-in options; each one moves the counter on unless told otherwise. */
    assert(options: { challenge: string }, o: Overrides = {}) {
      const count = o.counter ?? ++counter;
      const data = authData(o, 0, count);
      const clientDataJSON = clientData('webauthn.get', options.challenge, o);
      const signature = sign('sha256', Buffer.concat([data, sha256(clientDataJSON)]), privateKey);
      return {
        id: b64(credentialId),
        rawId: b64(credentialId),
        type: 'public-key' as const,
        response: {
          clientDataJSON: b64(clientDataJSON),
          authenticatorData: b64(data),
          signature: b64(signature),
          ...(userHandle ? { userHandle } : {}),
        },
        clientExtensionResults: {},
      };
    },
  };
}
