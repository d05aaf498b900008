import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  deadlineCalendarQuerySchema, deadlineCalendarSchema, errorBodySchema, idParamsSchema, notificationListQuerySchema, notificationListSchema,
  notificationSchema, readAllResultSchema, reminderRunSchema, unreadCountSchema,
} from '@duikou/contracts';
import { AppError } from '../../core/app-error.js';
import { authorize, contextOf, requireActor } from '../../core/http.js';
import { listDeadlineCalendar } from './deadlines.service.js';
import * as service from './notifications.service.js';
import { reminderDepsOf, runReminders } from './reminders.service.js';

const errors = { 400: errorBodySchema, 401: errorBodySchema, 403: errorBodySchema, 404: errorBodySchema, 409: errorBodySchema, 422: errorBodySchema };

export const notificationRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['消息与提醒'];
  app.get('/api/deadlines', {
    schema: {
      tags: ['时限日历'], summary: '所在项目的报送与工作时限（项目节点、月报、季报、季度工作反馈），节假日顺延后的日期、原定日期与政策条款',
      querystring: deadlineCalendarQuerySchema, response: { 200: deadlineCalendarSchema, ...errors },
    },
  }, async (req) => listDeadlineCalendar(authorize(req, 'calendar:read'), req.query));

  // Every account has a message box: only its own, whatever the role.
  app.get('/api/notifications', { schema: { tags, summary: '我的消息（未读在前，分页）', querystring: notificationListQuerySchema, response: { 200: notificationListSchema, ...errors } } },
    async (req) => service.listNotifications(contextOf(req), req.query));
  app.get('/api/notifications/unread-count', { schema: { tags, summary: '我的未读消息数', response: { 200: unreadCountSchema, ...errors } } },
    async (req) => service.unreadCount(contextOf(req)));
  app.post('/api/notifications/read-all', { schema: { tags, summary: '全部标为已读', response: { 200: readAllResultSchema, ...errors } } },
    async (req) => service.markAllRead(contextOf(req)));
  app.post('/api/notifications/:id/read', { schema: { tags, summary: '标为已读', params: idParamsSchema, response: { 200: notificationSchema, ...errors } } },
    async (req) => service.markRead(contextOf(req), req.params.id));
  app.post('/api/notifications/run-reminders', {
    schema: { tags, summary: '立即运行提醒任务（系统管理员；已发过的提醒不会重复）', response: { 200: reminderRunSchema, ...errors } },
  }, async (req) => {
    if (requireActor(req).role !== 'admin') throw new AppError('FORBIDDEN', '只有系统管理员可以手动运行提醒任务');
    return runReminders(reminderDepsOf(app), contextOf(req));
  });
};
