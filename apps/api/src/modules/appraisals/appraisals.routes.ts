import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  appraisalCreateSchema, appraisalDetailSchema, appraisalForwardSchema, appraisalListQuerySchema, appraisalOverviewQuerySchema, appraisalOverviewSchema, appraisalPrefillQuerySchema, appraisalPrefillSchema, appraisalSchema,
  appraisalSendBackSchema, appraisalUpdateSchema, idParamsSchema, listOf,
} from '@duikou/contracts';
import { z } from 'zod';
import { DEFAULT_CJK_FONT } from '../../config.js';
import { authorize } from '../../core/http.js';
import { errors, fileErrors, sendFile } from '../results/results.http.js';
import * as service from './appraisals.service.js';

const tags = ['年度鉴定'];

export const appraisalRoutes: FastifyPluginAsyncZod = async (app) => {
  const cjkFont = () => app.deps.config.cjkFont ?? DEFAULT_CJK_FONT;
  app.get('/api/appraisals', { schema: { tags, summary: '年度鉴定列表（todo=true：等待我处理的）', querystring: appraisalListQuerySchema, response: { 200: listOf(appraisalSchema), ...errors } } },
    async (req) => service.listAppraisals(authorize(req, 'results:read'), req.query));
  app.get('/api/appraisals/overview', {
    schema: { tags, summary: '某年结束的各帮扶年度的鉴定进度与规则判定（未开始、鉴定中、审核中、已备案）；unfinishedOnly=true 只看未完成的', querystring: appraisalOverviewQuerySchema, response: { 200: appraisalOverviewSchema, ...errors } },
  }, async (req) => service.appraisalOverview(authorize(req, 'results:read'), req.query));
  app.get('/api/appraisals/prefill', {
    schema: { tags, summary: '派驻的帮扶年度及按记录预填的鉴定数据（在岗、请假、抽查、带教、任务、季度反馈）', querystring: appraisalPrefillQuerySchema, response: { 200: appraisalPrefillSchema, ...errors } },
  }, async (req) => service.prefill(authorize(req, 'results:read'), req.query));
  app.get('/api/appraisals/:id', { schema: { tags, summary: '年度鉴定详情（流程、各方意见、预填数据与规则判定）', params: idParamsSchema, response: { 200: appraisalDetailSchema, ...errors } } },
    async (req) => service.getAppraisal(authorize(req, 'results:read'), req.params.id));
  app.post('/api/appraisals', { schema: { tags, summary: '受援单位开始某帮扶年度的年度鉴定', body: appraisalCreateSchema, response: { 201: appraisalDetailSchema, ...errors } } },
    async (req, reply) => reply.status(201).send(await service.createAppraisal(authorize(req, 'appraisal:write'), req.body)));
  app.patch('/api/appraisals/:id', { schema: { tags, summary: '受援单位填写或修改鉴定等次与意见（提交前或被退回后）', params: idParamsSchema, body: appraisalUpdateSchema, response: { 200: appraisalDetailSchema, ...errors } } },
    async (req) => service.updateAppraisal(authorize(req, 'appraisal:write'), req.params.id, req.body));
  app.post('/api/appraisals/:id/forward', {
    schema: { tags, summary: '当前一方完成本步：受援单位提交鉴定 → 县级出具意见（须填写）→ 州（市）审核 → 省级备案', params: idParamsSchema, body: appraisalForwardSchema, response: { 200: appraisalDetailSchema, ...errors } },
  }, async (req) => service.forwardAppraisal(authorize(req, 'appraisal:write'), req.params.id, req.body.comment));
  app.post('/api/appraisals/:id/send-back', { schema: { tags, summary: '当前一方退回上一步修改（须说明理由）', params: idParamsSchema, body: appraisalSendBackSchema, response: { 200: appraisalDetailSchema, ...errors } } },
    async (req) => service.sendBackAppraisal(authorize(req, 'appraisal:write'), req.params.id, req.body.reason));
  app.get('/api/appraisals/:id/form.pdf', { schema: { tags, summary: '打印年度鉴定表（PDF）', params: idParamsSchema, response: { 200: z.any(), ...fileErrors } } },
    async (req, reply) => sendFile(reply, await service.appraisalFormPdf(authorize(req, 'results:read'), req.params.id, cjkFont()), 'appraisal-form.pdf'));
};
