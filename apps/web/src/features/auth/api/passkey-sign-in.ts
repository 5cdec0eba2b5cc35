import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { components } from '@taskflow/contract/openapi';
import { api, unwrap } from '../../../api/client.ts';
import { signWithPasskey } from '../../../lib/webauthn.ts';
import { sessionStore } from '../session/session-store.ts';

type AuthSession = components['schemas']['AuthSession'];

function useOpensSession<T>(mutationFn: (input: T) => Promise<AuthSession>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: (session) => {
      // Nothing cached for an earlier session (one that expired in this tab) may show now.
      queryClient.clear();
      sessionStore.signedIn(session);
    },
  });
}

/** Signs in with a passkey alone: the browser offers the passkeys it holds for TaskFlow. */
export function useSignInWithPasskey() {
  return useOpensSession(async () => {
    const { challengeId, options } = await unwrap(
      api.POST('/api/v1/auth/passkey/options', { body: {} }),
    );
    const credential = await signWithPasskey(options);
    return unwrap(
      api.POST('/api/v1/auth/passkey/sign-in', {
        body: { challengeId, credential: credential as never },
      }),
    );
  });
}

/** The second step of sign-in passed with one of the account's passkeys instead of a code. */
export function useSignInWithPasskeyFactor() {
  return useOpensSession(async (challenge: string) => {
    const { challengeId, options } = await unwrap(
      api.POST('/api/v1/auth/sign-in/two-factor/passkey-options', { body: { challenge } }),
    );
    const credential = await signWithPasskey(options);
    return unwrap(
      api.POST('/api/v1/auth/sign-in/two-factor/passkey', {
        body: { challenge, challengeId, credential: credential as never },
      }),
    );
  });
}
