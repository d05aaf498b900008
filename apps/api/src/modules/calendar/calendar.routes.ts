import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  calendarDaySchema, calendarYearDetailSchema, calendarYearPutSchema, calendarYearSchema, dateParamsSchema, deadlineQuerySchema, deadlineSchema,
  errorBodySchema, okSchema, yearParamsSchema,
} from '@duikou/contracts';
import { z } from 'zod';
import { authorize } from '../../core/http.js';
import * as service from './calendar.service.js';

const errors = { 400: errorBodySchema, 401: errorBodySchema, 403: errorBodySchema, 404: errorBodySchema, 422: errorBodySchema };
const tags = ['节假日日历'];

export const calendarRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/api/calendar/days/:date', { schema: { tags, summary: '某日是否工作日（含法定节假日与调休）', params: dateParamsSchema, response: { 200: calendarDaySchema, ...errors } } },
    async (req) => service.describeDate(authorize(req, 'calendar:read'), req.params.date));
  app.get('/api/calendar/deadline', { schema: { tags, summary: '截止日期遇节假日顺延', querystring: deadlineQuerySchema, response: { 200: deadlineSchema, ...errors } } },
    async (req) => service.deadlineFor(authorize(req, 'calendar:read'), req.query.date));
  app.get('/api/calendar/years', { schema: { tags, summary: '已录入日历的年份', response: { 200: z.object({ items: z.array(calendarYearSchema), total: z.number().int() }), ...errors } } },
    async (req) => {
      const items = await service.listYears(authorize(req, 'calendar:read'));
      return { items, total: items.length };
    });
  app.get('/api/calendar/years/:year', { schema: { tags, summary: '某年的法定节假日与调休上班日', params: yearParamsSchema, response: { 200: calendarYearDetailSchema, ...errors } } },
    async (req) => service.getYear(authorize(req, 'calendar:read'), req.params.year));
  app.put('/api/calendar/years/:year', { schema: { tags, summary: '录入或替换某年的节假日安排（管理员）', params: yearParamsSchema, body: calendarYearPutSchema, response: { 200: calendarYearDetailSchema, ...errors } } },
    async (req) => service.putYear(authorize(req, 'calendar:write'), req.params.year, req.body));
  app.delete('/api/calendar/years/:year', { schema: { tags, summary: '删除某年的日历（管理员）', params: yearParamsSchema, response: { 200: okSchema, ...errors } } },
    async (req) => {
      await service.deleteYear(authorize(req, 'calendar:write'), req.params.year);
      return { ok: true as const };
    });
};
