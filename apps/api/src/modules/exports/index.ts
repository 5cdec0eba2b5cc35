/** The exports feature's public face. */
export { type ExportJob, exportTasksJob, purgeExportsJob } from './exports.jobs.ts';
export { createExportsModule } from './exports.module.ts';
export { createExportsRepository } from './exports.repository.ts';
