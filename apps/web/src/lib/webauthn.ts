import type { components } from '@taskflow/contract/openapi';

type CreationOptions = components['schemas']['PasskeyCreationOptions'];
type RequestOptions = components['schemas']['PasskeyRequestOptions'];

/**
 * The browser half of passkeys. `@simplewebauthn/browser` is loaded only when a passkey is used:
 * most visits never need it, and the first download has a budget.
 */
const browser = () => import('@simplewebauthn/browser');

function unsupported() {
  const error = new Error('This browser cannot use passkeys');
  error.name = 'NotSupportedError';
  return error;
}

/** Asks the browser for a new passkey; its answer, as the API takes it. */
export async function createPasskey(options: CreationOptions) {
  const { browserSupportsWebAuthn, startRegistration } = await browser();
  if (!browserSupportsWebAuthn()) throw unsupported();
  return startRegistration({ optionsJSON: options as never });
}

/** Asks the browser to sign with a passkey; its answer, as the API takes it. */
export async function signWithPasskey(options: RequestOptions) {
  const { browserSupportsWebAuthn, startAuthentication } = await browser();
  if (!browserSupportsWebAuthn()) throw unsupported();
  return startAuthentication({ optionsJSON: options as never });
}

/** What to tell a person when the browser's passkey prompt failed; undefined for other errors. */
export function passkeyPromptMessage(error: unknown): string | undefined {
  if (!(error instanceof Error)) return undefined;
  switch (error.name) {
    case 'NotAllowedError':
    case 'AbortError':
      return 'No passkey was used: the prompt was closed or timed out. Try again.';
    case 'InvalidStateError':
      return 'This device already holds a passkey for your account.';
    case 'NotSupportedError':
    case 'SecurityError':
      return 'This browser cannot use passkeys here.';
    default:
      return undefined;
  }
}
