import type { InfiniteData } from '@tanstack/react-query';
import type { components } from '@taskflow/contract/openapi';

export type Notification = components['schemas']['Notification'];
export type NotificationPage = components['schemas']['NotificationList'];
/** The cached list: the pages of an infinite query, newest first (its cursors are opaque). */
export type NotificationPages = InfiniteData<NotificationPage>;
export type MarkReadBody = components['schemas']['MarkNotificationsReadBodyInput'];
export type LiveEvent = components['schemas']['LiveEvent'];
