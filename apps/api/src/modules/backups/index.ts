export { BackupRefusedError, describe as describeBackup } from './backup-archive.ts';
export { scheduledBackupJob } from './backups.jobs.ts';
export { backupsRoutes } from './backups.routes.ts';
export { createBackupService } from './backups.service.ts';
export { backupThroughServer, listenForOperators } from './operator-socket.ts';
export { restoreBackup } from './restore.ts';
