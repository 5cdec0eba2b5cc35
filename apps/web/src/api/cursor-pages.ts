/** Where a cursor-paged list starts, and where its next page does (none after the last). */
export const cursorPaging = {
  initialPageParam: null as string | null,
  getNextPageParam: (page: { nextCursor: string | null }) => page.nextCursor,
};

/** The query params that ask for one page: its cursor, except for the first page. */
export const cursorOf = (pageParam: string | null) =>
  pageParam === null ? {} : { cursor: pageParam };
