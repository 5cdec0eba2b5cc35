import { useMutation, useQuery } from '@tanstack/react-query';
import type { components } from '@taskflow/contract/openapi';
import { api, unwrap } from '../../../api/client.ts';
import { sessionStore } from '../session/session-store.ts';

/** Whether a setup link can still make the first administrator (it is not spent by asking). */
export function useSetupLink(token: string) {
  return useQuery({
    queryKey: ['setup-link', token],
    queryFn: () => unwrap(api.POST('/api/v1/setup/check', { body: { token } })),
    retry: false,
    staleTime: Number.POSITIVE_INFINITY,
  });
}

type AccountBody = Omit<components['schemas']['SetupAccountBodyInput'], 'token'>;

/** Makes the first administrator's account, then signs it in. */
export function useCreateFirstAdmin(token: string) {
  return useMutation({
    mutationFn: async (account: AccountBody) => {
      await unwrap(api.POST('/api/v1/setup/account', { body: { token, ...account } }));
      const session = await unwrap(
        api.POST('/api/v1/auth/sign-in', {
          body: { email: account.email, password: account.password },
        }),
      );
      // A brand-new account cannot have two-factor sign-in on yet.
      if ('accessToken' in session) sessionStore.signedIn(session);
    },
  });
}

/** Makes the signed-in account the first administrator; `refresh` then brings the new role. */
export function usePromoteToFirstAdmin(token: string, refresh: () => Promise<boolean>) {
  return useMutation({
    mutationFn: async () => {
      await unwrap(api.POST('/api/v1/setup/promote', { body: { token } }));
      await refresh();
    },
  });
}
