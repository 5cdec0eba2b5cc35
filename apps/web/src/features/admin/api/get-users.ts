import { infiniteQueryOptions, keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { cursorPagedGet } from '../../../api/cursor-pages.ts';
import { adminKeys } from './admin-keys.ts';

const USER_PAGE_SIZE = 20;

/** Users, newest first, whose name or email contains `q` (all of them when it is empty). */
function usersQueryOptions(q: string) {
  return infiniteQueryOptions({
    queryKey: adminKeys.userList(q),
    ...cursorPagedGet('/api/v1/admin/users', {
      query: { limit: USER_PAGE_SIZE, ...(q === '' ? {} : { q }) },
    }),
  });
}

/** The previous results stay while a new search loads, so the list does not blink. */
export function useUsers(q: string) {
  return useInfiniteQuery({ ...usersQueryOptions(q), placeholderData: keepPreviousData });
}
