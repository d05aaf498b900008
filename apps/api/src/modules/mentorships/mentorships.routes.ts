import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  apprenticeInputSchema, apprenticeUpdateSchema, assessmentSchema, idParamsSchema, listOf, mentorshipCreateSchema, mentorshipExportQuerySchema, mentorshipListQuerySchema,
  mentorshipSchema, mentorshipUpdateSchema, mentorshipVerdictsQuerySchema, mentorshipVerdictsSchema, orgIdParamsSchema, recipientDepartmentsSchema,
  recipientDepartmentsUpdateSchema, removeResultSchema,
} from '@duikou/contracts';
import { z } from 'zod';
import { DEFAULT_CJK_FONT } from '../../config.js';
import { authorize } from '../../core/http.js';
import { errors, fileErrors, sendFile } from '../results/results.http.js';
import * as service from './mentorships.service.js';

const tags = ['师带徒'];

export const mentorshipRoutes: FastifyPluginAsyncZod = async (app) => {
  const cjkFont = () => app.deps.config.cjkFont ?? DEFAULT_CJK_FONT;
  app.get('/api/mentorships', { schema: { tags, summary: '师带徒协议列表（含跟学人员、考核与证书）', querystring: mentorshipListQuerySchema, response: { 200: listOf(mentorshipSchema), ...errors } } },
    async (req) => service.listMentorships(authorize(req, 'results:read'), req.query));
  app.get('/api/mentorships/verdicts', {
    schema: { tags, summary: '师带徒规则判定（每个支援单位×受援单位）：带教人数（市属1带4、县属1带3）、每年更换、三年覆盖主要科室', querystring: mentorshipVerdictsQuerySchema, response: { 200: mentorshipVerdictsSchema, ...errors } },
  }, async (req) => service.mentorshipVerdicts(authorize(req, 'results:read'), req.query));
  app.get('/api/mentorships/export', {
    schema: { tags, summary: '导出绵阳市“传帮带”工程“师带徒”信息统计表回执（附件4，.xlsx）', querystring: mentorshipExportQuerySchema, response: { 200: z.any(), ...errors } },
  }, async (req, reply) => sendFile(reply, await service.exportMentorshipTable(authorize(req, 'results:read'), req.query), 'mentorship-table.xlsx'));
  app.get('/api/mentorships/:id', { schema: { tags, summary: '师带徒协议详情', params: idParamsSchema, response: { 200: mentorshipSchema, ...errors } } },
    async (req) => service.getMentorship(authorize(req, 'results:read'), req.params.id));
  app.post('/api/mentorships', {
    schema: { tags, summary: '登记师带徒协议（支援人员本人、支援单位或受援单位；每人每年一份，含跟学人员）', body: mentorshipCreateSchema, response: { 201: mentorshipSchema, ...errors } },
  }, async (req, reply) => reply.status(201).send(await service.createMentorship(authorize(req, 'mentorship:write'), req.body)));
  app.patch('/api/mentorships/:id', { schema: { tags, summary: '修改签订日期、帮带计划', params: idParamsSchema, body: mentorshipUpdateSchema, response: { 200: mentorshipSchema, ...errors } } },
    async (req) => service.updateMentorship(authorize(req, 'mentorship:write'), req.params.id, req.body));
  app.delete('/api/mentorships/:id', { schema: { tags, summary: '删除师带徒协议（未颁发证书的）', params: idParamsSchema, response: { 200: removeResultSchema, ...errors } } },
    async (req) => service.removeMentorship(authorize(req, 'mentorship:write'), req.params.id));
  app.post('/api/mentorships/:id/apprentices', { schema: { tags, summary: '添加跟学人员', params: idParamsSchema, body: apprenticeInputSchema, response: { 200: mentorshipSchema, ...errors } } },
    async (req) => service.addApprentice(authorize(req, 'mentorship:write'), req.params.id, req.body));

  app.patch('/api/mentorship-apprentices/:id', { schema: { tags, summary: '修改跟学人员', params: idParamsSchema, body: apprenticeUpdateSchema, response: { 200: mentorshipSchema, ...errors } } },
    async (req) => service.updateApprentice(authorize(req, 'mentorship:write'), req.params.id, req.body));
  app.delete('/api/mentorship-apprentices/:id', { schema: { tags, summary: '移除跟学人员（未颁发证书的）', params: idParamsSchema, response: { 200: mentorshipSchema, ...errors } } },
    async (req) => service.removeApprentice(authorize(req, 'mentorship:write'), req.params.id));
  app.post('/api/mentorship-apprentices/:id/assessment', { schema: { tags, summary: '登记跟学人员考核结果（支援单位或受援单位）', params: idParamsSchema, body: assessmentSchema, response: { 200: mentorshipSchema, ...errors } } },
    async (req) => service.assessApprentice(authorize(req, 'mentorship:write'), req.params.id, req.body));
  app.post('/api/mentorship-apprentices/:id/certificate', { schema: { tags, summary: '颁发师带徒证书（考核合格者；编号如 MY-SD-2026-0001）', params: idParamsSchema, response: { 200: mentorshipSchema, ...errors } } },
    async (req) => service.issueApprenticeCertificate(authorize(req, 'mentorship:write'), req.params.id));
  app.get('/api/mentorship-apprentices/:id/certificate.pdf', { schema: { tags, summary: '打印师带徒证书（PDF）', params: idParamsSchema, response: { 200: z.any(), ...fileErrors } } },
    async (req, reply) => sendFile(reply, await service.apprenticeCertificatePdf(authorize(req, 'results:read'), req.params.id, cjkFont()), 'mentorship-certificate.pdf'));

  app.get('/api/recipient-departments/:orgId', { schema: { tags, summary: '受援单位主要科室（专业）：师带徒三年内须覆盖', params: orgIdParamsSchema, response: { 200: recipientDepartmentsSchema, ...errors } } },
    async (req) => service.getDepartments(authorize(req, 'results:read'), req.params.orgId));
  app.put('/api/recipient-departments/:orgId', {
    schema: { tags, summary: '登记受援单位主要科室（受援单位或其辖区卫生健康行政部门）', params: orgIdParamsSchema, body: recipientDepartmentsUpdateSchema, response: { 200: recipientDepartmentsSchema, ...errors } },
  }, async (req) => service.putDepartments(authorize(req, 'mentorship:write'), req.params.orgId, req.body.departments));
};
