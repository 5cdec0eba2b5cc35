import { useMutation } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client.ts';

/** A new secret (key, otpauth URI, QR code); on only once a code confirms it. */
export function useStartTwoFactor() {
  return useMutation({
    mutationFn: (password: string) =>
      unwrap(api.POST('/api/v1/me/two-factor/enrol', { body: { password } })),
  });
}
