import { type GetParams, type GetPath, getData } from './client.ts';

/** Where a cursor-paged list starts, and where its next page does (none after the last). */
const cursorPaging = {
  initialPageParam: null as string | null,
  getNextPageParam: (page: { nextCursor: string | null }) => page.nextCursor,
};

/** The query params that ask for one page: its cursor, except for the first page. */
const cursorOf = (pageParam: string | null) => (pageParam === null ? {} : { cursor: pageParam });

/**
 * How an infinite query fetches and pages a cursor-paged GET: every page is asked for with
 * `params`, its cursor added to their query.
 */
export function cursorPagedGet<P extends GetPath>(path: P, params: GetParams<P>) {
  const given = params as { query?: object };
  const pageOf = (pageParam: string | null) =>
    ({ ...given, query: { ...given.query, ...cursorOf(pageParam) } }) as GetParams<P>;
  return {
    queryFn: ({ pageParam, signal }: { pageParam: string | null; signal: AbortSignal }) =>
      getData(path, pageOf(pageParam), signal),
    ...cursorPaging,
  };
}
