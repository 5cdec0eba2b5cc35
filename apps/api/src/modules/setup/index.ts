/** The setup feature's public face. */
export { createSetupModule, issueFirstAdminLink } from './setup.module.ts';
