import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client.ts';
import { passkeysQueryOptions } from './get-passkeys.ts';

/** Removes one of the user's passkeys: the password is asked again. */
export function useRemovePasskey() {
  const queryClient = useQueryClient();
  const { queryKey } = passkeysQueryOptions;
  return useMutation({
    mutationFn: ({ id, password }: { id: string; password: string }) =>
      unwrap(
        api.DELETE('/api/v1/me/passkeys/{id}', { params: { path: { id } }, body: { password } }),
      ),
    onSuccess: (_data, { id }) => {
      queryClient.setQueryData(queryKey, (list) =>
        list ? { items: list.items.filter((passkey) => passkey.id !== id) } : list,
      );
      return queryClient.invalidateQueries({ queryKey });
    },
  });
}
