import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  idParamsSchema, listOf, removeResultSchema, visitCreateSchema, visitListQuerySchema, visitSchema, visitUpdateSchema, visitVerdictsQuerySchema, visitVerdictsSchema,
} from '@duikou/contracts';
import { authorize } from '../../core/http.js';
import { errors } from '../results/results.http.js';
import * as service from './visits.service.js';

const tags = ['院领导带队指导'];

export const visitRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/api/leadership-visits', { schema: { tags, summary: '支援单位赴受援医院指导、座谈、交流记录', querystring: visitListQuerySchema, response: { 200: listOf(visitSchema), ...errors } } },
    async (req) => service.listVisits(authorize(req, 'results:read'), req.query));
  app.get('/api/leadership-visits/verdicts', {
    schema: { tags, summary: '某年每个支援单位×受援医院的规则判定（CX：每年不少于 2 次、院领导带队不少于 1 次）；shortOnly=true 只看未达标', querystring: visitVerdictsQuerySchema, response: { 200: visitVerdictsSchema, ...errors } },
  }, async (req) => service.visitVerdicts(authorize(req, 'results:read'), req.query));
  app.get('/api/leadership-visits/:id', { schema: { tags, summary: '指导记录详情', params: idParamsSchema, response: { 200: visitSchema, ...errors } } },
    async (req) => service.getVisit(authorize(req, 'results:read'), req.params.id));
  app.post('/api/leadership-visits', { schema: { tags, summary: '支援单位登记赴受援医院指导（日期、带队领导、参加人员、内容）', body: visitCreateSchema, response: { 201: visitSchema, ...errors } } },
    async (req, reply) => reply.status(201).send(await service.createVisit(authorize(req, 'visit:write'), req.body)));
  app.patch('/api/leadership-visits/:id', { schema: { tags, summary: '修改指导记录', params: idParamsSchema, body: visitUpdateSchema, response: { 200: visitSchema, ...errors } } },
    async (req) => service.updateVisit(authorize(req, 'visit:write'), req.params.id, req.body));
  app.delete('/api/leadership-visits/:id', { schema: { tags, summary: '删除指导记录', params: idParamsSchema, response: { 200: removeResultSchema, ...errors } } },
    async (req) => service.removeVisit(authorize(req, 'visit:write'), req.params.id));
};
