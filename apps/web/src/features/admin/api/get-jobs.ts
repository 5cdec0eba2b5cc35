import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { cursorPagedGet } from '../../../api/cursor-pages.ts';
import type { JobFilters } from '../model/admin-types.ts';
import { adminKeys } from './admin-keys.ts';

const JOB_PAGE_SIZE = 20;
const JOBS_REFRESH_MS = 15_000;

/** Jobs, newest first, a page at a time; refreshed while the tab is visible. */
function jobsQueryOptions(filters: JobFilters) {
  return infiniteQueryOptions({
    queryKey: adminKeys.jobList(filters),
    ...cursorPagedGet('/api/v1/admin/jobs', { query: { ...filters, limit: JOB_PAGE_SIZE } }),
    refetchInterval: JOBS_REFRESH_MS,
  });
}

export function useJobs(filters: JobFilters) {
  return useInfiniteQuery(jobsQueryOptions(filters));
}
