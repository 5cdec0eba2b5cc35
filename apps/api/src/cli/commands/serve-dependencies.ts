/**
 * What `serve` needs beyond every command's own: the whole app. Loaded when `serve` runs, so
 * the other commands (and `--help`) start without it.
 */
export { buildApp } from '../../app.ts';
export { createPasswordService } from '../../modules/auth/index.ts';
export { createBackupService, listenForOperators } from '../../modules/backups/index.ts';
export { seedDemo } from '../../modules/demo/index.ts';
export { issueFirstAdminLink } from '../../modules/setup/index.ts';
export { serveOverSocket } from '../../platform/db/socket-server.ts';
export { runServer } from '../../server.ts';
