import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  deadlinesQuerySchema, eligibilitySandboxSchema, errorBodySchema, idParamsSchema, leaveSandboxResultSchema, leaveSandboxSchema,
  policyDeadlineListSchema, verdictListSchema, okSchema, policyDiffQuerySchema, policyDiffSchema, policyListQuerySchema, policyPublishSchema,
  policyRefParamsSchema, policyUpdateSchema, policyVersionDetailSchema, policyVersionSummarySchema,
} from '@duikou/contracts';
import { z } from 'zod';
import { authorize } from '../../core/http.js';
import * as service from './policies.service.js';

const errors = { 400: errorBodySchema, 401: errorBodySchema, 403: errorBodySchema, 404: errorBodySchema, 409: errorBodySchema, 422: errorBodySchema };
const tags = ['政策版本'];

export const policyRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/api/policies', { schema: { tags, summary: '政策版本列表（本辖区可见）', querystring: policyListQuerySchema, response: { 200: z.object({ items: z.array(policyVersionSummarySchema), total: z.number().int() }), ...errors } } },
    async (req) => {
      const items = await service.listPolicyVersions(authorize(req, 'policy:read'), req.query.code);
      return { items, total: items.length };
    });
  app.get('/api/policies/:policyId', { schema: { tags, summary: '政策版本详情（CX/MY 为现行版本）', params: policyRefParamsSchema, response: { 200: policyVersionDetailSchema, ...errors } } },
    async (req) => service.getPolicyVersion(authorize(req, 'policy:read'), req.params.policyId));
  app.get('/api/policies/:policyId/diff', { schema: { tags, summary: '两个版本的参数差异', params: policyRefParamsSchema, querystring: policyDiffQuerySchema, response: { 200: policyDiffSchema, ...errors } } },
    async (req) => service.diffPolicyVersions(authorize(req, 'policy:read'), req.params.policyId, req.query.against));
  app.post('/api/policies/:policyId/evaluate/eligibility', { schema: { tags, summary: '规则试算：选派条件', params: policyRefParamsSchema, body: eligibilitySandboxSchema, response: { 200: verdictListSchema, ...errors } } },
    async (req) => service.tryEligibility(authorize(req, 'policy:read'), req.params.policyId, req.body));
  app.post('/api/policies/:policyId/evaluate/leave', { schema: { tags, summary: '规则试算：请假审批与备案', params: policyRefParamsSchema, body: leaveSandboxSchema, response: { 200: leaveSandboxResultSchema, ...errors } } },
    async (req) => service.tryLeave(authorize(req, 'policy:read'), req.params.policyId, req.body));
  app.get('/api/policies/:policyId/deadlines', { schema: { tags, summary: '某年的报送期限（节假日顺延）', params: policyRefParamsSchema, querystring: deadlinesQuerySchema, response: { 200: policyDeadlineListSchema, ...errors } } },
    async (req) => {
      const items = await service.listDeadlines(authorize(req, 'policy:read'), req.params.policyId, req.query.year);
      return { items, total: items.length };
    });
  app.post('/api/policies/:policyId/clone', { schema: { tags, summary: '复制为新草稿', params: policyRefParamsSchema, response: { 201: policyVersionDetailSchema, ...errors } } },
    async (req, reply) => reply.status(201).send(await service.clonePolicyVersion(authorize(req, 'policy:write'), req.params.policyId)));
  app.patch('/api/policies/:id', { schema: { tags, summary: '修改草稿（已发布版本不可修改）', params: idParamsSchema, body: policyUpdateSchema, response: { 200: policyVersionDetailSchema, ...errors } } },
    async (req) => service.updatePolicyDraft(authorize(req, 'policy:write'), req.params.id, req.body));
  app.post('/api/policies/:id/publish', { schema: { tags, summary: '发布草稿并设定施行日期', params: idParamsSchema, body: policyPublishSchema, response: { 200: policyVersionDetailSchema, ...errors } } },
    async (req) => service.publishPolicyDraft(authorize(req, 'policy:write'), req.params.id, req.body));
  app.delete('/api/policies/:id', { schema: { tags, summary: '删除草稿', params: idParamsSchema, response: { 200: okSchema, ...errors } } },
    async (req) => {
      await service.deletePolicyDraft(authorize(req, 'policy:write'), req.params.id);
      return { ok: true as const };
    });
};
