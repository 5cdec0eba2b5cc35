/** The maintenance feature's public face: its scheduled jobs. */
export {
  pruneEventsJob,
  purgeIdempotencyKeysJob,
  purgeJobsJob,
  purgeSessionsJob,
  purgeTasksJob,
} from './maintenance.jobs.ts';
export { createMaintenanceRepository } from './maintenance.repository.ts';
