import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client.ts';
import { adminKeys } from './admin-keys.ts';

/** The development mail outbox, newest first: where mail goes when no SMTP server is set. */
const outboxQueryOptions = queryOptions({
  queryKey: adminKeys.outbox(),
  queryFn: ({ signal }) =>
    unwrap(api.GET('/api/v1/admin/mail-outbox', { params: { query: { limit: 20 } }, signal })),
});

export function useMailOutbox() {
  return useQuery(outboxQueryOptions);
}
