import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client.ts';
import { invitationKeys } from './invitation-keys.ts';

/** What an invitation is for; the token goes in the body, never in a URL the server sees. */
export function useInvitationPreview(token: string) {
  return useQuery({
    queryKey: invitationKeys.preview(token),
    queryFn: () => unwrap(api.POST('/api/v1/invitations/preview', { body: { token } })),
    enabled: token !== '',
    retry: false,
  });
}
