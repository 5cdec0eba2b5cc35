/** The attachments feature's public face. */
export { purgeFilesJob, thumbnailJob } from './attachments.jobs.ts';
export { createAttachmentsModule } from './attachments.module.ts';
export { isImage, type ScheduleThumbnail, spoolDirOf } from './attachments.service.ts';
