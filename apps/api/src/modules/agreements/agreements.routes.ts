import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  agreementCoverageQuerySchema, agreementCoverageSchema, agreementCreateSchema, agreementDetailSchema, agreementFileSchema, agreementListQuerySchema,
  agreementSchema, agreementSignSchema, agreementUpdateSchema, idParamsSchema, listOf, removeResultSchema,
} from '@duikou/contracts';
import { authorize } from '../../core/http.js';
import { errors } from '../results/results.http.js';
import * as service from './agreements.service.js';

const tags = ['帮扶协议'];

export const agreementRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/api/agreements', { schema: { tags, summary: '年度帮扶协议（目标责任书）列表', querystring: agreementListQuerySchema, response: { 200: listOf(agreementSchema), ...errors } } },
    async (req) => service.listAgreements(authorize(req, 'results:read'), req.query));
  app.get('/api/agreements/coverage', {
    schema: { tags, summary: '某年各对口关系（每个支援单位）的协议签订与备案情况及规则判定；missingOnly=true 只看缺失或未完成的', querystring: agreementCoverageQuerySchema, response: { 200: agreementCoverageSchema, ...errors } },
  }, async (req) => service.agreementCoverage(authorize(req, 'results:read'), req.query));
  app.get('/api/agreements/:id', { schema: { tags, summary: '帮扶协议详情（含规则判定）', params: idParamsSchema, response: { 200: agreementDetailSchema, ...errors } } },
    async (req) => service.getAgreement(authorize(req, 'results:read'), req.params.id));
  app.post('/api/agreements', {
    schema: { tags, summary: '起草年度帮扶协议（支援单位或受援单位；帮扶科室、适宜技术及目标、培养人员、能力目标）', body: agreementCreateSchema, response: { 201: agreementDetailSchema, ...errors } },
  }, async (req, reply) => reply.status(201).send(await service.createAgreement(authorize(req, 'agreement:write'), req.body)));
  app.patch('/api/agreements/:id', { schema: { tags, summary: '修改协议内容（任何一方签订前）', params: idParamsSchema, body: agreementUpdateSchema, response: { 200: agreementDetailSchema, ...errors } } },
    async (req) => service.updateAgreement(authorize(req, 'agreement:write'), req.params.id, req.body));
  app.post('/api/agreements/:id/sign', { schema: { tags, summary: '签订协议（以调用者所在一方：支援单位或受援单位）', params: idParamsSchema, body: agreementSignSchema, response: { 200: agreementDetailSchema, ...errors } } },
    async (req) => service.signAgreement(authorize(req, 'agreement:write'), req.params.id, req.body.signedOn));
  app.post('/api/agreements/:id/file', {
    schema: { tags, summary: '协议备案（双方签订后，由政策规定的卫生健康行政部门登记，CX：一式两份报州卫生健康委）', params: idParamsSchema, body: agreementFileSchema, response: { 200: agreementDetailSchema, ...errors } },
  }, async (req) => service.fileAgreement(authorize(req, 'agreement:file'), req.params.id, req.body));
  app.delete('/api/agreements/:id', { schema: { tags, summary: '删除未签订的协议草稿', params: idParamsSchema, response: { 200: removeResultSchema, ...errors } } },
    async (req) => service.removeAgreement(authorize(req, 'agreement:write'), req.params.id));
};
