/** The auth feature's public face: what the composition root and other features may use. */

export { createAdminAccount } from './admin-account.ts';
export { callerId, callerOf, clientOf, type Guards } from './auth.guards.ts';
export { createAuthModule } from './auth.module.ts';
export {
  type AccountRecords,
  type Client,
  createAccountRecords,
  insertPersonalWorkspace,
} from './auth.repository.ts';
export { toUser } from './auth.service.ts';
export { createPasswordService, type PasswordService, passwordProblems } from './password.ts';
export type { SessionCache } from './session-cache.ts';
export { createSigningKeys } from './signing-keys.ts';
