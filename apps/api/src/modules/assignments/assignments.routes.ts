import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  assignmentCreateSchema, assignmentDetailSchema, assignmentExportQuerySchema, assignmentListQuerySchema, assignmentReplaceSchema, assignmentSchema, assignmentStatusChangeSchema,
  assignmentUpdateSchema, errorBodySchema, idParamsSchema, listOf, postOptionsQuerySchema, postOptionsSchema, staffingQuerySchema, staffingSchema,
} from '@duikou/contracts';
import { z } from 'zod';
import { authorize } from '../../core/http.js';
import * as service from './assignments.service.js';

const errors = { 400: errorBodySchema, 401: errorBodySchema, 403: errorBodySchema, 404: errorBodySchema, 409: errorBodySchema, 422: errorBodySchema };
const tags = ['派驻'];

export const assignmentRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/api/assignments', { schema: { tags, summary: '派驻列表（按项目、单位、方式、状态、缺项筛选）', querystring: assignmentListQuerySchema, response: { 200: listOf(assignmentSchema), ...errors } } },
    async (req) => service.listAssignments(authorize(req, 'assignment:read'), req.query));
  app.get('/api/assignments/export', {
    schema: { tags, summary: '导出人员统计表（楚雄附件2 / 绵阳附件3 .xlsx；手机号默认脱敏）', querystring: assignmentExportQuerySchema, response: { 200: z.any(), ...errors } },
  }, async (req, reply) => {
    const { stream, filename } = await service.exportStaffTable(authorize(req, 'assignment:read'), req.query);
    return reply
      .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('content-disposition', `attachment; filename="staff.xlsx"; filename*=UTF-8''${encodeURIComponent(filename)}`)
      .header('cache-control', 'no-store')
      .send(stream);
  });
  app.get('/api/assignments/post-options', { schema: { tags, summary: '政策允许的受援单位任职', querystring: postOptionsQuerySchema, response: { 200: postOptionsSchema, ...errors } } },
    async (req) => service.listPostOptions(authorize(req, 'assignment:read'), req.query));
  app.get('/api/assignments/:id', { schema: { tags, summary: '派驻详情（含各项判定及依据）', params: idParamsSchema, response: { 200: assignmentDetailSchema, ...errors } } },
    async (req) => service.getAssignment(authorize(req, 'assignment:read'), req.params.id));
  app.post('/api/assignments', { schema: { tags, summary: '派出人员（按政策核验选派条件；行政部门可填写理由破例派出）', body: assignmentCreateSchema, response: { 201: assignmentDetailSchema, ...errors } } },
    async (req, reply) => reply.status(201).send(await service.createAssignment(authorize(req, 'assignment:write'), req.body)));
  app.patch('/api/assignments/:id', { schema: { tags, summary: '修改派驻（科室、日期、保险、安全教育等）', params: idParamsSchema, body: assignmentUpdateSchema, response: { 200: assignmentDetailSchema, ...errors } } },
    async (req) => service.updateAssignment(authorize(req, 'assignment:write'), req.params.id, req.body));
  app.post('/api/assignments/:id/status', { schema: { tags, summary: '变更状态：到岗、期满结束、召回', params: idParamsSchema, body: assignmentStatusChangeSchema, response: { 200: assignmentDetailSchema, ...errors } } },
    async (req) => service.changeAssignmentStatus(authorize(req, 'assignment:write'), req.params.id, req.body));
  app.post('/api/assignments/:id/replace', { schema: { tags, summary: '另派人员接替（新旧派驻互相关联）', params: idParamsSchema, body: assignmentReplaceSchema, response: { 201: assignmentDetailSchema, ...errors } } },
    async (req, reply) => reply.status(201).send(await service.replaceAssignment(authorize(req, 'assignment:write'), req.params.id, req.body)));
  app.get('/api/staffing', { schema: { tags, summary: '派出人数与最低要求（按对口关系、支援单位、年度）', querystring: staffingQuerySchema, response: { 200: staffingSchema, ...errors } } },
    async (req) => {
      const items = await service.computeStaffing(authorize(req, 'assignment:read'), req.query);
      return { year: req.query.year, items, total: items.length };
    });
};
