/** The jobs feature's public face: what operators see and do with jobs (admin API and CLI). */
export { createJobsRepository } from './jobs.repository.ts';
export { createJobsAdmin, type JobsAdmin } from './jobs.service.ts';
