/** The mail feature's public face: the job that sends one mail. */
export { MailPayload, sendMailJob } from './mail.jobs.ts';
