/** The workspaces feature's public face. */
export { createWorkspacesModule } from './workspaces.module.ts';
