import { request, toQuery, type Page, type Paging } from './client';

export const NOTIFICATION_KINDS = [
  'assigned',
  'reported',
  'returned',
  'accepted',
  'overdue',
  'escalated',
  'supervision',
  'bulletin',
  'agreement',
  'request',
  'check_in',
  'feedback_sheet',
  'cobuild_match',
  'whistle',
  'power_act',
  'key_enterprise',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** A message in the org's inbox; `read` is the user's own. */
export interface Notification {
  id: number;
  kind: NotificationKind;
  title: string;
  body: string;
  /** A web route, such as `/tasks/assignments/12`, or empty. */
  link: string;
  created_at: string;
  read: boolean;
}

export interface NotificationListing extends Page<Notification> {
  unread: number;
}

export function listNotifications(
  filters: { unread?: boolean } & Paging = {},
): Promise<NotificationListing> {
  const query = toQuery({
    unread: filters.unread ? 1 : undefined,
    page: filters.page,
    page_size: filters.page_size,
  });
  return request<NotificationListing>(`/notifications${query}`);
}

export async function getUnreadCount(): Promise<number> {
  return (await request<{ unread: number }>('/notifications/unread-count')).unread;
}

export function markNotificationRead(notificationId: number): Promise<void> {
  return request<void>(`/notifications/${encodeURIComponent(notificationId)}/read`, {
    method: 'POST',
  });
}

export function markAllNotificationsRead(): Promise<void> {
  return request<void>('/notifications/read-all', { method: 'POST' });
}
