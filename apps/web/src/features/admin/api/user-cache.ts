import type { QueryClient } from '@tanstack/react-query';
import type { AdminUser, UserPages } from '../model/admin-types.ts';
import { updateItem } from '../model/list-pages.ts';
import { adminKeys } from './admin-keys.ts';

/** Writes to every cached user list (each search is one), for the user mutations. */
export function userCache(queryClient: QueryClient) {
  const lists = { queryKey: adminKeys.users() };
  return {
    update(id: string, change: (user: AdminUser) => AdminUser) {
      queryClient.setQueriesData<UserPages>(lists, (data) =>
        data ? updateItem(data, id, change) : data,
      );
    },
    /** The lists and the figures (admins, disabled) change with a user: read them again. */
    refresh: () =>
      Promise.all([
        queryClient.invalidateQueries(lists),
        queryClient.invalidateQueries({ queryKey: adminKeys.stats() }),
      ]),
  };
}
