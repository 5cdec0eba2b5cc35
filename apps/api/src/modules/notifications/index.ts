/** The notifications feature's public face. */
export { createNotificationsModule } from './notifications.module.ts';
export {
  createNotificationsRepository,
  type NewNotification,
} from './notifications.repository.ts';
export { createNotices, notify } from './notify.ts';
