import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  certificateCreateSchema, certificateListQuerySchema, certificateSchema, certificateVerifyQuerySchema, certificateVerifySchema, idParamsSchema, listOf,
} from '@duikou/contracts';
import { z } from 'zod';
import { DEFAULT_CJK_FONT } from '../../config.js';
import { authorize } from '../../core/http.js';
import { errors, fileErrors, sendFile } from '../results/results.http.js';
import * as service from './certificates.service.js';

const tags = ['晋升经历证明'];

export const certificateRoutes: FastifyPluginAsyncZod = async (app) => {
  const cjkFont = () => app.deps.config.cjkFont ?? DEFAULT_CJK_FONT;
  app.get('/api/certificates', { schema: { tags, summary: '对口支援工作经历证明（职称晋升用）列表', querystring: certificateListQuerySchema, response: { 200: listOf(certificateSchema), ...errors } } },
    async (req) => service.listCertificates(authorize(req, 'results:read'), req.query));
  app.get('/api/certificates/verify', {
    schema: { tags, summary: '按编号核验证明或师带徒证书（仅限调用者范围内；不存在答 404）', querystring: certificateVerifyQuerySchema, response: { 200: certificateVerifySchema, ...errors } },
  }, async (req) => service.verifyCertificate(authorize(req, 'results:read'), req.query.number));
  app.get('/api/certificates/:id', { schema: { tags, summary: '经历证明详情', params: idParamsSchema, response: { 200: certificateSchema, ...errors } } },
    async (req) => service.getCertificate(authorize(req, 'results:read'), req.params.id));
  app.post('/api/certificates', {
    schema: { tags, summary: '出具对口支援工作经历证明（派驻期满结束后；派出单位或受援单位所在辖区卫生健康行政部门；编号如 CX-ZM-2026-0001）', body: certificateCreateSchema, response: { 201: certificateSchema, ...errors } },
  }, async (req, reply) => reply.status(201).send(await service.issueCertificate(authorize(req, 'certificate:write'), req.body.assignmentId)));
  app.get('/api/certificates/:id/pdf', { schema: { tags, summary: '打印经历证明（PDF）', params: idParamsSchema, response: { 200: z.any(), ...fileErrors } } },
    async (req, reply) => sendFile(reply, await service.certificatePdf(authorize(req, 'results:read'), req.params.id, cjkFont()), 'service-certificate.pdf'));
};
