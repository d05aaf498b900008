import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  errorBodySchema, idParamsSchema, idSchema, isoDateSchema, LEAVE_KINDS, leaveCreateSchema, leaveDecisionSchema, leaveDetailSchema, leaveListQuerySchema,
  leaveReturnSchema, leaveSandboxResultSchema, leaveSchema, listOf, tripCreateSchema, tripSchema,
} from '@duikou/contracts';
import { z } from 'zod';
import { authorize } from '../../core/http.js';
import * as service from './leave.service.js';

const errors = { 400: errorBodySchema, 401: errorBodySchema, 403: errorBodySchema, 404: errorBodySchema, 409: errorBodySchema, 422: errorBodySchema };
const tags = ['请假'];
/** A preview needs only what decides the days and the chain (the form asks before the reason is written). */
const leavePreviewSchema = z.object({ assignmentId: idSchema.optional(), startDate: isoDateSchema, endDate: isoDateSchema, kind: z.enum(LEAVE_KINDS, { error: '请选择请假类别' }) })
  .refine((v) => v.startDate <= v.endDate, { error: '结束日期不能早于开始日期', path: ['endDate'] });

export const leaveRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/api/leave-requests', { schema: { tags, summary: '请假列表（todo=true：待我审批）', querystring: leaveListQuerySchema, response: { 200: listOf(leaveSchema), ...errors } } },
    async (req) => service.listLeave(authorize(req, 'attendance:read'), req.query));
  app.get('/api/leave-requests/:id', { schema: { tags, summary: '请假详情（审批链与判定）', params: idParamsSchema, response: { 200: leaveDetailSchema, ...errors } } },
    async (req) => service.getLeave(authorize(req, 'attendance:read'), req.params.id));
  app.post('/api/leave-requests', { schema: { tags, summary: '申请请假（按政策计算工作日与审批层级）', body: leaveCreateSchema, response: { 201: leaveDetailSchema, ...errors } } },
    async (req, reply) => reply.status(201).send(await service.requestLeave(authorize(req, 'leave:request'), req.body)));
  app.post('/api/leave-requests/preview', { schema: { tags, summary: '请假预览：按政策计算工作日与审批层级（不保存）', body: leavePreviewSchema, response: { 200: leaveSandboxResultSchema, ...errors } } },
    async (req) => service.previewLeave(authorize(req, 'leave:request'), req.body));
  app.post('/api/leave-requests/:id/decision', { schema: { tags, summary: '审批请假（同意或驳回）', params: idParamsSchema, body: leaveDecisionSchema, response: { 200: leaveDetailSchema, ...errors } } },
    async (req) => service.decideLeave(authorize(req, 'leave:approve'), req.params.id, req.body));
  app.post('/api/leave-requests/:id/return', { schema: { tags, summary: '销假返岗', params: idParamsSchema, body: leaveReturnSchema, response: { 200: leaveDetailSchema, ...errors } } },
    async (req) => service.returnFromLeave(authorize(req, 'attendance:read'), req.params.id, req.body.date));
  app.post('/api/leave-requests/:id/cancel', { schema: { tags, summary: '撤回审批中的请假', params: idParamsSchema, response: { 200: leaveDetailSchema, ...errors } } },
    async (req) => service.cancelLeave(authorize(req, 'leave:request'), req.params.id));
  app.get('/api/leave-requests/:id/attachment', { schema: { tags, summary: '下载请假附件（如病假证明）', params: idParamsSchema, response: { 200: z.any(), ...errors } } },
    async (req, reply) => {
      const file = await service.getAttachment(authorize(req, 'attendance:read'), req.params.id);
      return reply.header('content-type', file.type).header('content-disposition', `attachment; filename="attachment"; filename*=UTF-8''${encodeURIComponent(file.name)}`).send(file.body);
    });
  app.get('/api/trip-reports', { schema: { tags, summary: '外出报备列表', response: { 200: z.object({ items: z.array(tripSchema), total: z.number().int() }), ...errors } } },
    async (req) => {
      const items = await service.listTrips(authorize(req, 'attendance:read'));
      return { items, total: items.length };
    });
  app.post('/api/trip-reports', { schema: { tags, summary: '休息日、节假日外出报备（告知队长和受援单位）', body: tripCreateSchema, response: { 201: tripSchema, ...errors } } },
    async (req, reply) => reply.status(201).send(await service.reportTrip(authorize(req, 'leave:request'), req.body)));
};
