import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  idParamsSchema, listOf, outcomeCreateSchema, outcomeListQuerySchema, outcomeSchema, outcomeTrendQuerySchema, outcomeTrendSchema, outcomeUpdateSchema, removeResultSchema,
} from '@duikou/contracts';
import { authorize } from '../../core/http.js';
import { errors } from '../results/results.http.js';
import * as service from './outcomes.service.js';

const tags = ['帮扶成效'];

export const outcomeRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/api/outcomes', { schema: { tags, summary: '受援单位成效指标（按年或季度：引进技术、培养人员、双向转诊、县域内就诊率、能力标准达标）', querystring: outcomeListQuerySchema, response: { 200: listOf(outcomeSchema), ...errors } } },
    async (req) => service.listOutcomes(authorize(req, 'results:read'), req.query));
  app.get('/api/outcomes/trend', {
    schema: { tags, summary: '某受援单位的成效趋势、政策考核的指标与年度协议目标', querystring: outcomeTrendQuerySchema, response: { 200: outcomeTrendSchema, ...errors } },
  }, async (req) => service.outcomeTrend(authorize(req, 'results:read'), req.query));
  app.get('/api/outcomes/:id', { schema: { tags, summary: '成效指标详情', params: idParamsSchema, response: { 200: outcomeSchema, ...errors } } },
    async (req) => service.getOutcome(authorize(req, 'results:read'), req.params.id));
  app.post('/api/outcomes', { schema: { tags, summary: '填报成效指标（受援单位或县市区卫生健康局；每个统计期一条）', body: outcomeCreateSchema, response: { 201: outcomeSchema, ...errors } } },
    async (req, reply) => reply.status(201).send(await service.createOutcome(authorize(req, 'outcome:write'), req.body)));
  app.patch('/api/outcomes/:id', { schema: { tags, summary: '修改成效指标', params: idParamsSchema, body: outcomeUpdateSchema, response: { 200: outcomeSchema, ...errors } } },
    async (req) => service.updateOutcome(authorize(req, 'outcome:write'), req.params.id, req.body));
  app.delete('/api/outcomes/:id', { schema: { tags, summary: '删除成效指标', params: idParamsSchema, response: { 200: removeResultSchema, ...errors } } },
    async (req) => service.removeOutcome(authorize(req, 'outcome:write'), req.params.id));
};
