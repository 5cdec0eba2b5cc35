import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client.ts';
import { createPasskey } from '../../../lib/webauthn.ts';
import { passkeysQueryOptions } from './get-passkeys.ts';

/**
 * Adds a passkey: the password opens the registration options, the browser makes the passkey,
 * and the API checks and stores it under `name`.
 */
export function useAddPasskey() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ name, password }: { name: string; password: string }) => {
      const { challengeId, options } = await unwrap(
        api.POST('/api/v1/me/passkeys/registration-options', { body: { password } }),
      );
      const credential = await createPasskey(options);
      return unwrap(
        api.POST('/api/v1/me/passkeys', {
          body: { challengeId, name, credential: credential as never },
        }),
      );
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: passkeysQueryOptions.queryKey }),
  });
}
