import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { assignmentProgressSchema, atRiskQuerySchema, atRiskSchema, errorBodySchema, idParamsSchema } from '@duikou/contracts';
import { authorize } from '../../core/http.js';
import * as service from './progress.service.js';

const errors = { 400: errorBodySchema, 401: errorBodySchema, 403: errorBodySchema, 404: errorBodySchema, 409: errorBodySchema, 422: errorBodySchema };
const tags = ['在岗进度'];

export const progressRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/api/progress/assignments/:id', {
    schema: { tags, summary: '派驻在岗进度：已在岗、要求与期满预测（规则引擎判定，按节假日日历）', params: idParamsSchema, response: { 200: assignmentProgressSchema, ...errors } },
  }, async (req) => service.getAssignmentProgress(authorize(req, 'assignment:read'), req.params.id));
  app.get('/api/progress/at-risk', {
    schema: { tags, summary: '在岗天数可能或已经不达标的派驻（最严重的在前）', querystring: atRiskQuerySchema, response: { 200: atRiskSchema, ...errors } },
  }, async (req) => service.listAtRisk(authorize(req, 'assignment:read'), req.query));
};
