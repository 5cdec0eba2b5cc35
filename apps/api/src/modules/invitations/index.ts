/** The invitations feature's public face. */
export { createInvitationsModule } from './invitations.module.ts';
export { invitedEmailOf } from './invited-email.ts';
