/** The maintenance feature's public face: its scheduled jobs. */
export {
  pruneEventsJob,
  purgeIdempotencyKeysJob,
  purgeJobsJob,
  purgeSessionsJob,
} from './maintenance.jobs.ts';
export { createMaintenanceRepository } from './maintenance.repository.ts';
