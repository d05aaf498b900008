import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  appealCreateSchema, appealDecisionSchema, appealListQuerySchema, appealSchema, attendanceEntriesSchema, attendanceMonthSchema, checkInCreateSchema,
  checkInSchema, checkInTodaySchema, errorBodySchema, geofenceSchema, idParamsSchema, monthParamsSchema, monthQuerySchema, okSchema, orgIdParamsSchema,
} from '@duikou/contracts';
import { z } from 'zod';
import { authorize } from '../../core/http.js';
import * as service from './attendance.service.js';

const errors = { 400: errorBodySchema, 401: errorBodySchema, 403: errorBodySchema, 404: errorBodySchema, 409: errorBodySchema, 422: errorBodySchema };
const tags = ['考勤'];

export const attendanceRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post('/api/check-ins', { schema: { tags, summary: '打卡（同一客户端编号只记一次；离线补交保留原时间）', body: checkInCreateSchema, response: { 200: checkInSchema, 201: checkInSchema, ...errors } } },
    async (req, reply) => {
      const { checkIn, created } = await service.checkIn(authorize(req, 'checkin:write'), req.body);
      return reply.status(created ? 201 : 200).send(checkIn);
    });
  app.get('/api/check-ins/today', { schema: { tags, summary: '今日派驻、打卡范围与打卡记录（本人）', response: { 200: checkInTodaySchema, ...errors } } },
    async (req) => service.checkInToday(authorize(req, 'checkin:write')));
  app.get('/api/organisations/:orgId/geofence', { schema: { tags, summary: '受援单位当前的打卡范围（未设置为 null）', params: orgIdParamsSchema, response: { 200: z.object({ orgId: z.string(), orgName: z.string(), fence: geofenceSchema.nullable() }), ...errors } } },
    async (req) => service.getGeofence(authorize(req, 'attendance:read'), req.params.orgId));
  app.put('/api/organisations/:orgId/geofence', { schema: { tags, summary: '设置受援单位打卡范围（中心点与半径）', params: orgIdParamsSchema, body: geofenceSchema, response: { 200: okSchema, ...errors } } },
    async (req) => service.setGeofence(authorize(req, 'attendance:read'), req.params.orgId, req.body));
  app.get('/api/attendance/months/:month', { schema: { tags, summary: '月度考勤表（受援单位 × 日期）', params: monthParamsSchema, querystring: monthQuerySchema, response: { 200: attendanceMonthSchema, ...errors } } },
    async (req) => service.getMonth(authorize(req, 'attendance:read'), req.params.month, req.query.recipientOrgId));
  app.put('/api/attendance/months/:month/days', { schema: { tags, summary: '填报或更正考勤（确认前）', params: monthParamsSchema, body: attendanceEntriesSchema, response: { 200: attendanceMonthSchema, ...errors } } },
    async (req) => service.saveEntries(authorize(req, 'attendance:write'), req.params.month, req.body));
  app.post('/api/attendance/months/:month/confirm', { schema: { tags, summary: '确认并锁定月度考勤', params: monthParamsSchema, body: monthQuerySchema.optional(), response: { 200: attendanceMonthSchema, ...errors } } },
    async (req) => service.confirmMonth(authorize(req, 'attendance:write'), req.params.month, req.body?.recipientOrgId));
  app.get('/api/attendance/appeals', { schema: { tags, summary: '考勤申诉列表', querystring: appealListQuerySchema, response: { 200: z.object({ items: z.array(appealSchema), total: z.number().int() }), ...errors } } },
    async (req) => {
      const items = await service.listAppeals(authorize(req, 'attendance:read'), req.query);
      return { items, total: items.length };
    });
  app.post('/api/attendance/appeals', { schema: { tags, summary: '提出考勤申诉（已锁定月份）', body: appealCreateSchema, response: { 201: appealSchema, ...errors } } },
    async (req, reply) => reply.status(201).send(await service.createAppeal(authorize(req, 'attendance:read'), req.body)));
  app.post('/api/attendance/appeals/:id/decision', { schema: { tags, summary: '受援单位同意或驳回考勤申诉', params: idParamsSchema, body: appealDecisionSchema, response: { 200: appealSchema, ...errors } } },
    async (req) => service.decideAppeal(authorize(req, 'attendance:write'), req.params.id, req.body));
};
