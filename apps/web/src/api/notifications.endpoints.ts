import type { DeadlineCalendar, Notification, NotificationList, ReadAllResult, ReminderRun, UnreadCount } from '@duikou/contracts';
import { http, type QueryParams } from './http-client';

/** 消息中心: the caller's own notifications; the administrator may run the reminder job at once. */
export const notificationsApi = {
  list: (q: QueryParams, signal?: AbortSignal) => http.get<NotificationList>('/api/notifications', q, signal),
  unreadCount: (signal?: AbortSignal) => http.get<UnreadCount>('/api/notifications/unread-count', undefined, signal),
  markRead: (id: string) => http.post<Notification>(`/api/notifications/${id}/read`),
  markAllRead: () => http.post<ReadAllResult>('/api/notifications/read-all'),
  runReminders: () => http.post<ReminderRun>('/api/notifications/run-reminders'),
};

/** 时限日历: the deadlines of the caller's programmes in a date range, moved past holidays by the engine. */
export const deadlinesApi = {
  list: (q: { from: string; to: string; programmeId?: string | undefined }, signal?: AbortSignal) => http.get<DeadlineCalendar>('/api/deadlines', q, signal),
};

/** Query keys shared by the header bell and the notification centre, so marking read refreshes both. */
export const notificationKeys = {
  all: ['notifications'] as const,
  unread: ['notifications', 'unread-count'] as const,
  list: (q: QueryParams) => ['notifications', 'list', q] as const,
};
