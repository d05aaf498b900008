import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  errorBodySchema, idParamsSchema, listOf, programmeCreateSchema, programmeListQuerySchema, programmeSchema, programmeUpdateSchema, removeResultSchema,
} from '@duikou/contracts';
import { authorize } from '../../core/http.js';
import * as service from './programmes.service.js';

const errors = { 400: errorBodySchema, 401: errorBodySchema, 403: errorBodySchema, 404: errorBodySchema, 409: errorBodySchema };
const tags = ['项目'];

export const programmeRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/api/programmes', { schema: { tags, summary: '项目列表', querystring: programmeListQuerySchema, response: { 200: listOf(programmeSchema), ...errors } } },
    async (req) => service.listProgrammes(authorize(req, 'programme:read'), req.query));
  app.get('/api/programmes/:id', { schema: { tags, summary: '项目详情', params: idParamsSchema, response: { 200: programmeSchema, ...errors } } },
    async (req) => service.getProgramme(authorize(req, 'programme:read'), req.params.id));
  app.post('/api/programmes', { schema: { tags, summary: '新建项目', body: programmeCreateSchema, response: { 201: programmeSchema, ...errors } } },
    async (req, reply) => reply.status(201).send(await service.createProgramme(authorize(req, 'programme:write'), req.body)));
  app.patch('/api/programmes/:id', { schema: { tags, summary: '修改项目', params: idParamsSchema, body: programmeUpdateSchema, response: { 200: programmeSchema, ...errors } } },
    async (req) => service.updateProgramme(authorize(req, 'programme:write'), req.params.id, req.body));
  app.delete('/api/programmes/:id', { schema: { tags, summary: '删除项目（含对口关系时归档）', params: idParamsSchema, response: { 200: removeResultSchema, ...errors } } },
    async (req) => service.removeProgramme(authorize(req, 'programme:write'), req.params.id));
  app.post('/api/programmes/:id/restore', { schema: { tags, summary: '恢复已归档项目', params: idParamsSchema, response: { 200: programmeSchema, ...errors } } },
    async (req) => service.restoreProgramme(authorize(req, 'programme:write'), req.params.id));
};
