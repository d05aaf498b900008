import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  errorBodySchema, idParamsSchema, listOf, organisationCreateSchema, organisationListQuerySchema, organisationSchema, organisationUpdateSchema, removeResultSchema,
} from '@duikou/contracts';
import { authorize } from '../../core/http.js';
import * as service from './organisations.service.js';

const errors = { 400: errorBodySchema, 401: errorBodySchema, 403: errorBodySchema, 404: errorBodySchema, 409: errorBodySchema };
const tags = ['机构'];

export const organisationRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/api/organisations', { schema: { tags, summary: '机构列表', querystring: organisationListQuerySchema, response: { 200: listOf(organisationSchema), ...errors } } },
    async (req) => service.listOrganisations(authorize(req, 'org:read'), req.query));
  app.get('/api/organisations/:id', { schema: { tags, summary: '机构详情', params: idParamsSchema, response: { 200: organisationSchema, ...errors } } },
    async (req) => service.getOrganisation(authorize(req, 'org:read'), req.params.id));
  app.post('/api/organisations', { schema: { tags, summary: '新建机构', body: organisationCreateSchema, response: { 201: organisationSchema, ...errors } } },
    async (req, reply) => reply.status(201).send(await service.createOrganisation(authorize(req, 'org:write'), req.body)));
  app.patch('/api/organisations/:id', { schema: { tags, summary: '修改机构', params: idParamsSchema, body: organisationUpdateSchema, response: { 200: organisationSchema, ...errors } } },
    async (req) => service.updateOrganisation(authorize(req, 'org:write'), req.params.id, req.body));
  app.delete('/api/organisations/:id', { schema: { tags, summary: '删除机构（被引用时归档）', params: idParamsSchema, response: { 200: removeResultSchema, ...errors } } },
    async (req) => service.removeOrganisation(authorize(req, 'org:write'), req.params.id));
  app.post('/api/organisations/:id/restore', { schema: { tags, summary: '恢复已归档机构', params: idParamsSchema, response: { 200: organisationSchema, ...errors } } },
    async (req) => service.restoreOrganisation(authorize(req, 'org:write'), req.params.id));
};
