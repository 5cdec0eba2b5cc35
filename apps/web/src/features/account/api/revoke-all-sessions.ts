import { useMutation } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client.ts';

/** Signs out every session, this one included (the password is asked again). */
export function useRevokeAllSessions() {
  return useMutation({
    mutationFn: (password: string) =>
      unwrap(api.POST('/api/v1/me/sessions/revoke-all', { body: { password } })),
  });
}
