import type { JobFilters } from '../model/admin-types.ts';

/** Keys of the admin dashboard; every one starts with `all`, which nothing else uses. */
export const adminKeys = {
  all: () => ['admin'] as const,
  stats: () => [...adminKeys.all(), 'stats'] as const,
  statsIn: (timeZone: string) => [...adminKeys.stats(), timeZone] as const,
  jobs: () => [...adminKeys.all(), 'jobs'] as const,
  jobLists: () => [...adminKeys.jobs(), 'list'] as const,
  jobList: (filters: JobFilters) => [...adminKeys.jobLists(), filters] as const,
  job: (id: string) => [...adminKeys.jobs(), 'detail', id] as const,
  users: () => [...adminKeys.all(), 'users'] as const,
  userList: (q: string) => [...adminKeys.users(), 'list', q] as const,
  health: () => [...adminKeys.all(), 'health'] as const,
  outbox: () => [...adminKeys.all(), 'outbox'] as const,
  backups: () => [...adminKeys.all(), 'backups'] as const,
  securitySettings: () => [...adminKeys.all(), 'settings', 'security'] as const,
};
