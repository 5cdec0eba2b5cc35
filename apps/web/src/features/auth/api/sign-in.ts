import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { components } from '@taskflow/contract/openapi';
import { api, unwrap } from '../../../api/client.ts';
import { sessionStore } from '../session/session-store.ts';

type AuthSession = components['schemas']['AuthSession'];
type TwoFactorChallenge = components['schemas']['TwoFactorChallenge'];

/**
 * Signs in with the password. An account with two-factor sign-in on answers with a challenge
 * instead of a session: the form then asks for the code (`useSignInWithCode`).
 */
export function useSignIn() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: components['schemas']['SignInBodyInput']) =>
      unwrap(api.POST('/api/v1/auth/sign-in', { body })) as Promise<
        AuthSession | TwoFactorChallenge
      >,
    onSuccess: (result) => {
      if (!('accessToken' in result)) return;
      // Nothing cached for an earlier session (one that expired in this tab) may show now.
      queryClient.clear();
      sessionStore.signedIn(result);
    },
  });
}

/** The second step: the challenge and a code (or a recovery code) open the session. */
export function useSignInWithCode() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: components['schemas']['TwoFactorSignInBodyInput']) =>
      unwrap(api.POST('/api/v1/auth/sign-in/two-factor', { body })),
    onSuccess: (session) => {
      queryClient.clear();
      sessionStore.signedIn(session);
    },
  });
}
