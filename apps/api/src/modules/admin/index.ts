/** The admin feature's public face. */
export { createAdminModule, createAdminUsersForOperator } from './admin.module.ts';
export { createAdminRepository } from './admin.repository.ts';
