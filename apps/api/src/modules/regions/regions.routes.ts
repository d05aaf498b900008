import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  errorBodySchema, listOf, regionCodeParamsSchema, regionCreateSchema, regionListQuerySchema, regionSchema, regionUpdateSchema, removeResultSchema,
} from '@duikou/contracts';
import { authorize } from '../../core/http.js';
import * as service from './regions.service.js';

const errors = { 400: errorBodySchema, 401: errorBodySchema, 403: errorBodySchema, 404: errorBodySchema, 409: errorBodySchema };
const tags = ['行政区划'];

export const regionRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/api/regions', { schema: { tags, summary: '区划列表', querystring: regionListQuerySchema, response: { 200: listOf(regionSchema), ...errors } } },
    async (req) => service.listRegions(authorize(req, 'region:read'), req.query));
  app.get('/api/regions/:code', { schema: { tags, summary: '区划详情', params: regionCodeParamsSchema, response: { 200: regionSchema, ...errors } } },
    async (req) => service.getRegion(authorize(req, 'region:read'), req.params.code));
  app.post('/api/regions', { schema: { tags, summary: '新建区划', body: regionCreateSchema, response: { 201: regionSchema, ...errors } } },
    async (req, reply) => reply.status(201).send(await service.createRegion(authorize(req, 'region:write'), req.body)));
  app.patch('/api/regions/:code', { schema: { tags, summary: '修改区划', params: regionCodeParamsSchema, body: regionUpdateSchema, response: { 200: regionSchema, ...errors } } },
    async (req) => service.updateRegion(authorize(req, 'region:write'), req.params.code, req.body));
  app.delete('/api/regions/:code', { schema: { tags, summary: '删除区划（被引用时归档）', params: regionCodeParamsSchema, response: { 200: removeResultSchema, ...errors } } },
    async (req) => service.removeRegion(authorize(req, 'region:write'), req.params.code));
  app.post('/api/regions/:code/restore', { schema: { tags, summary: '恢复已归档区划', params: regionCodeParamsSchema, response: { 200: regionSchema, ...errors } } },
    async (req) => service.restoreRegion(authorize(req, 'region:write'), req.params.code));
};
