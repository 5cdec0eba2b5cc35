/** The admin feature's public face. */
export { createAdminModule } from './admin.module.ts';
export { createAdminRepository } from './admin.repository.ts';
