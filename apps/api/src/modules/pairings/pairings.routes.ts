import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  errorBodySchema, idParamsSchema, listOf, pairingCreateSchema, pairingExportQuerySchema, pairingImportQuerySchema, pairingImportResultSchema,
  pairingListQuerySchema, pairingSchema, pairingUpdateSchema, removeResultSchema,
} from '@duikou/contracts';
import { z } from 'zod';
import { AppError } from '../../core/app-error.js';
import { authorize } from '../../core/http.js';
import * as service from './pairings.service.js';

const errors = { 400: errorBodySchema, 401: errorBodySchema, 403: errorBodySchema, 404: errorBodySchema, 409: errorBodySchema };
const tags = ['对口关系'];

export const pairingRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/api/pairings', { schema: { tags, summary: '对口关系列表', querystring: pairingListQuerySchema, response: { 200: listOf(pairingSchema), ...errors } } },
    async (req) => service.listPairings(authorize(req, 'pairing:read'), req.query));

  app.get('/api/pairings/export', {
    schema: { tags, summary: '导出对口关系表（楚雄/绵阳附件1 样式 .xlsx）', querystring: pairingExportQuerySchema, response: { 200: z.any(), ...errors } },
  }, async (req, reply) => {
    const { buffer, filename } = await service.exportPairingTable(authorize(req, 'pairing:read'), req.query.layout, req.query.programmeId);
    return reply
      .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('content-disposition', `attachment; filename="pairings.xlsx"; filename*=UTF-8''${encodeURIComponent(filename)}`)
      .send(buffer);
  });

  app.post('/api/pairings/import', {
    schema: {
      tags, summary: '导入对口关系表（先校验全部行，全部正确才写入）', consumes: ['multipart/form-data'], querystring: pairingImportQuerySchema,
      response: { 200: pairingImportResultSchema, 422: errorBodySchema, 415: errorBodySchema, 413: errorBodySchema, ...errors },
    },
  }, async (req) => {
    const ctx = authorize(req, 'pairing:write');
    if (!req.isMultipart()) throw new AppError('UNSUPPORTED_MEDIA_TYPE', '请以 multipart/form-data 上传文件（字段名 file）', { field: 'file' });
    const file = await req.file();
    if (!file || file.fieldname !== 'file') throw new AppError('VALIDATION_FAILED', '请上传文件（字段名 file）', { field: 'file' });
    const buffer = await file.toBuffer();
    if (file.file.truncated) throw new AppError('PAYLOAD_TOO_LARGE', '文件不能超过 10 MB', { field: 'file' });
    return service.importPairingTable(ctx, req.query.layout, req.query.programmeId, buffer);
  });

  app.get('/api/pairings/:id', { schema: { tags, summary: '对口关系详情', params: idParamsSchema, response: { 200: pairingSchema, ...errors } } },
    async (req) => service.getPairing(authorize(req, 'pairing:read'), req.params.id));
  app.post('/api/pairings', { schema: { tags, summary: '新建对口关系', body: pairingCreateSchema, response: { 201: pairingSchema, ...errors } } },
    async (req, reply) => reply.status(201).send(await service.createPairing(authorize(req, 'pairing:write'), req.body)));
  app.patch('/api/pairings/:id', { schema: { tags, summary: '修改对口关系', params: idParamsSchema, body: pairingUpdateSchema, response: { 200: pairingSchema, ...errors } } },
    async (req) => service.updatePairing(authorize(req, 'pairing:write'), req.params.id, req.body));
  app.delete('/api/pairings/:id', { schema: { tags, summary: '删除对口关系', params: idParamsSchema, response: { 200: removeResultSchema, ...errors } } },
    async (req) => service.removePairing(authorize(req, 'pairing:write'), req.params.id));
};
