import type { Notification, NotificationList, NotificationListQuery, ReadAllResult, UnreadCount } from '@duikou/contracts';
import type { RequestContext } from '../../core/actor.js';
import { notFound } from '../../core/app-error.js';
import { recordAudit } from '../../core/audit.js';
import * as repo from './notifications.repository.js';

export const toNotification = (r: repo.NotificationRow): Notification => ({
  id: r.id, kind: r.kind, title: r.title, body: r.body, link: r.link, createdAt: r.createdAt.toISOString(), readAt: r.readAt?.toISOString() ?? null,
});

/** The caller's own notifications, unread first. Nobody reads another user's, whatever their role. */
export async function listNotifications(ctx: RequestContext, q: NotificationListQuery): Promise<NotificationList> {
  const userId = ctx.actor.userId;
  const [{ rows, total }, unread] = await Promise.all([
    repo.listNotifications(ctx.db, userId, { unreadOnly: q.unread, limit: q.pageSize, offset: (q.page - 1) * q.pageSize }),
    repo.countUnread(ctx.db, userId),
  ]);
  return { items: rows.map(toNotification), total, unread };
}

export async function unreadCount(ctx: RequestContext): Promise<UnreadCount> {
  return { unread: await repo.countUnread(ctx.db, ctx.actor.userId) };
}

/** Marks one of the caller's notifications read; someone else's answers 404, as if it did not exist. */
export async function markRead(ctx: RequestContext, id: string): Promise<Notification> {
  return ctx.db.transaction(async (tx) => {
    const done = await repo.markRead(tx, ctx.actor.userId, id, ctx.clock.now());
    if (!done) throw notFound('消息');
    if (done.wasUnread) {
      await recordAudit(tx, ctx, { action: 'update', entityType: 'notification', entityId: id, summary: `已读消息：${done.row.title}`, after: { readAt: done.row.readAt } });
    }
    return toNotification(done.row);
  });
}

export async function markAllRead(ctx: RequestContext): Promise<ReadAllResult> {
  return ctx.db.transaction(async (tx) => {
    const updated = await repo.markAllRead(tx, ctx.actor.userId, ctx.clock.now());
    if (updated > 0) await recordAudit(tx, ctx, { action: 'update', entityType: 'notification', summary: `全部标为已读（${updated} 条）`, after: { updated } });
    return { updated };
  });
}
