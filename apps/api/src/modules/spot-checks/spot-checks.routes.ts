import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  assignmentSpotCheckVerdictsSchema, consequencesQuerySchema, consequencesSchema, errorBodySchema, idParamsSchema, idSchema, listOf, rollCallAnswerSchema, rollCallSchema,
  sanctionCreateSchema, sanctionListQuerySchema, sanctionSchema, spotCheckCreateSchema, spotCheckDetailSchema, spotCheckListQuerySchema, spotCheckRedrawSchema,
  spotCheckResultUpdateSchema, spotCheckSchema, spotCheckVerdictsQuerySchema,
} from '@duikou/contracts';
import { z } from 'zod';
import { authorize } from '../../core/http.js';
import * as sanctions from './sanctions.service.js';
import * as service from './spot-checks.service.js';

const errors = { 400: errorBodySchema, 401: errorBodySchema, 403: errorBodySchema, 404: errorBodySchema, 409: errorBodySchema, 413: errorBodySchema, 422: errorBodySchema };
const tags = ['抽查点名'];
const sanctionTags = ['通报约谈'];

export const spotCheckRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/api/spot-checks', { schema: { tags, summary: '抽查/点名列表（行政部门：辖区内；单位：本单位发起或抽到本单位人员的）', querystring: spotCheckListQuerySchema, response: { 200: listOf(spotCheckSchema), ...errors } } },
    async (req) => service.listSpotChecks(authorize(req, 'spotcheck:read'), req.query));
  app.post('/api/spot-checks', { schema: { tags, summary: '发起抽查：当日在岗人员中随机抽取（记录随机种子，可复现）或指定人员；点名设定应答时限', body: spotCheckCreateSchema, response: { 201: spotCheckDetailSchema, ...errors } } },
    async (req, reply) => reply.status(201).send(await service.createSpotCheck(authorize(req, 'spotcheck:write'), req.body)));
  app.get('/api/spot-checks/consequences', { schema: { tags, summary: '抽查后果（规则引擎判定）：另派接替、不得申报职称与通报批评、通报约谈；支援单位每月自查', querystring: consequencesQuerySchema, response: { 200: consequencesSchema, ...errors } } },
    async (req) => service.computeConsequences(authorize(req, 'spotcheck:read'), req.query));
  app.get('/api/spot-checks/verdicts', { schema: { tags, summary: '某派驻人员的抽查判定', querystring: spotCheckVerdictsQuerySchema, response: { 200: assignmentSpotCheckVerdictsSchema, ...errors } } },
    async (req) => service.assignmentVerdicts(authorize(req, 'spotcheck:read'), req.query.assignmentId));
  app.get('/api/spot-checks/:id', { schema: { tags, summary: '抽查详情（每人结果、证据）', params: idParamsSchema, response: { 200: spotCheckDetailSchema, ...errors } } },
    async (req) => service.getSpotCheck(authorize(req, 'spotcheck:read'), req.params.id));
  app.get('/api/spot-checks/:id/redraw', { schema: { tags, summary: '按记录的随机种子重新抽取，核对抽样结果', params: idParamsSchema, response: { 200: spotCheckRedrawSchema, ...errors } } },
    async (req) => service.redrawSpotCheck(authorize(req, 'spotcheck:read'), req.params.id));
  app.put('/api/spot-checks/:id/results/:assignmentId', {
    schema: { tags, summary: '抽查单位记录或复核一人的结果（在岗 / 不在岗须填原因 / 请假须有已批准的请假）', params: z.object({ id: idSchema, assignmentId: idSchema }), body: spotCheckResultUpdateSchema, response: { 200: spotCheckDetailSchema, ...errors } },
  }, async (req) => service.recordResult(authorize(req, 'spotcheck:write'), req.params.id, req.params.assignmentId, req.body));
  app.post('/api/spot-checks/:id/close', { schema: { tags, summary: '结束点名：未应答者记为不在岗（点名超时未应答），待复核', params: idParamsSchema, response: { 200: spotCheckDetailSchema, ...errors } } },
    async (req) => service.closeRollCall(authorize(req, 'spotcheck:write'), req.params.id));

  app.get('/api/roll-calls/mine', { schema: { tags, summary: '我的待应答点名（下派人员）', response: { 200: listOf(rollCallSchema), ...errors } } },
    async (req) => service.listMyRollCalls(authorize(req, 'checkin:write')));
  app.post('/api/roll-calls/:spotCheckId/answer', { schema: { tags, summary: '应答点名（截止前；记录时间与定位）', params: z.object({ spotCheckId: idSchema }), body: rollCallAnswerSchema, response: { 200: rollCallSchema, ...errors } } },
    async (req) => service.answerRollCall(authorize(req, 'checkin:write'), req.params.spotCheckId, req.body));

  app.get('/api/sanctions', { schema: { tags: sanctionTags, summary: '通报、约谈记录列表', querystring: sanctionListQuerySchema, response: { 200: listOf(sanctionSchema), ...errors } } },
    async (req) => sanctions.listSanctions(authorize(req, 'spotcheck:read'), req.query));
  app.post('/api/sanctions', {
    // The document travels as base64 in JSON: 2 MB of file is about 2.7 MB of text.
    bodyLimit: 3 * 1024 * 1024,
    schema: { tags: sanctionTags, summary: '登记通报或约谈（单位、人员均须在管辖范围内；可附文件，不超过 2 MB）', body: sanctionCreateSchema, response: { 201: sanctionSchema, ...errors } },
  }, async (req, reply) => reply.status(201).send(await sanctions.createSanction(authorize(req, 'sanction:write'), req.body)));
  app.get('/api/sanctions/:id', { schema: { tags: sanctionTags, summary: '通报、约谈详情', params: idParamsSchema, response: { 200: sanctionSchema, ...errors } } },
    async (req) => sanctions.getSanction(authorize(req, 'spotcheck:read'), req.params.id));
  app.get('/api/sanctions/:id/document', { schema: { tags: sanctionTags, summary: '下载通报、约谈文件', params: idParamsSchema, response: { 200: z.any(), ...errors } } },
    async (req, reply) => {
      const doc = await sanctions.getSanctionDocument(authorize(req, 'spotcheck:read'), req.params.id);
      return reply
        .header('content-type', doc.type)
        .header('content-disposition', `attachment; filename="document"; filename*=UTF-8''${encodeURIComponent(doc.name)}`)
        .send(doc.content);
    });
};
