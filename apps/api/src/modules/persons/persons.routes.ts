import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyReply, FastifyRequest } from 'fastify';
import {
  errorBodySchema, idParamsSchema, listOf, personCreateSchema, personImportResultSchema, personListQuerySchema, personRevealSchema, personSchema,
  personUpdateSchema, registrationFormQuerySchema, registrationFormsBodySchema, removeResultSchema,
} from '@duikou/contracts';
import { z } from 'zod';
import { DEFAULT_CJK_FONT } from '../../config.js';
import { AppError } from '../../core/app-error.js';
import { authorize } from '../../core/http.js';
import * as service from './persons.service.js';

const errors = { 400: errorBodySchema, 401: errorBodySchema, 403: errorBodySchema, 404: errorBodySchema, 409: errorBodySchema };
const fileErrors = { ...errors, 503: errorBodySchema };
const tags = ['人员'];
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A file answer; personal data in it must not stay in any cache. */
function sendFile(reply: FastifyReply, file: { buffer: Buffer; filename: string; contentType: string }, fallback: string, sensitive = false) {
  if (sensitive) void reply.header('cache-control', 'no-store');
  return reply
    .header('content-type', file.contentType)
    .header('content-disposition', `attachment; filename="${fallback}"; filename*=UTF-8''${encodeURIComponent(file.filename)}`)
    .send(file.buffer);
}

/** The one uploaded .xlsx of a multipart request (field `file`), as pairings' import reads it. */
async function uploadedXlsx(req: FastifyRequest): Promise<Buffer> {
  if (!req.isMultipart()) throw new AppError('UNSUPPORTED_MEDIA_TYPE', '请以 multipart/form-data 上传文件（字段名 file）', { field: 'file' });
  const file = await req.file();
  if (!file || file.fieldname !== 'file') throw new AppError('VALIDATION_FAILED', '请上传文件（字段名 file）', { field: 'file' });
  if (file.filename && !/\.xlsx$/i.test(file.filename)) {
    file.file.resume();
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', `只能导入 Excel .xlsx 文件（收到「${file.filename}」；.xls、.csv 请先另存为 .xlsx）`, { field: 'file' });
  }
  const buffer = await file.toBuffer();
  if (file.file.truncated) throw new AppError('PAYLOAD_TOO_LARGE', '文件不能超过 10 MB', { field: 'file' });
  return buffer;
}

export const personRoutes: FastifyPluginAsyncZod = async (app) => {
  const cjkFont = () => app.deps.config.cjkFont ?? DEFAULT_CJK_FONT;

  app.get('/api/persons', { schema: { tags, summary: '人员列表（身份证号、电话已脱敏）', querystring: personListQuerySchema, response: { 200: listOf(personSchema), ...errors } } },
    async (req) => service.listPersons(authorize(req, 'person:read'), req.query));

  app.get('/api/persons/import-template', { schema: { tags, summary: '下载人员导入模板（.xlsx，附件2 报名表字段）', response: { 200: z.any(), ...errors } } },
    async (req, reply) => {
      const file = await service.personImportTemplate(authorize(req, 'person:write'));
      return sendFile(reply, { ...file, contentType: XLSX }, 'persons-template.xlsx');
    });

  app.post('/api/persons/import', {
    schema: {
      tags, summary: '导入人员（.xlsx；先校验全部行，全部正确才一次性写入）', consumes: ['multipart/form-data'],
      response: { 200: personImportResultSchema, 413: errorBodySchema, 415: errorBodySchema, 422: errorBodySchema, ...errors },
    },
  }, async (req) => {
    const ctx = authorize(req, 'person:write');
    return service.importPersons(ctx, await uploadedXlsx(req));
  });

  app.post('/api/persons/registration-forms.pdf', {
    schema: {
      tags, summary: '批量打印对口支援人员报名表（附件2，PDF 每人一页；含完整身份证号和电话，记入审计）',
      body: registrationFormsBodySchema, response: { 200: z.any(), ...fileErrors },
    },
  }, async (req, reply) => {
    const file = await service.registrationFormsPdf(authorize(req, 'person:reveal'), req.body.ids, cjkFont());
    return sendFile(reply, file, 'registration-forms.pdf', true);
  });

  app.get('/api/persons/:id', { schema: { tags, summary: '人员详情（脱敏）', params: idParamsSchema, response: { 200: personSchema, ...errors } } },
    async (req) => service.getPerson(authorize(req, 'person:read'), req.params.id));

  app.get('/api/persons/:id/registration-form', {
    schema: {
      tags, summary: '对口支援人员报名表（附件2，PDF 或 Word；含完整身份证号和电话，记入审计）',
      params: idParamsSchema, querystring: registrationFormQuerySchema, response: { 200: z.any(), ...fileErrors },
    },
  }, async (req, reply) => {
    const file = await service.registrationForm(authorize(req, 'person:reveal'), req.params.id, req.query.format, cjkFont());
    return sendFile(reply, file, `registration-form.${req.query.format}`, true);
  });

  app.post('/api/persons/:id/reveal', { schema: { tags, summary: '查看完整身份证号和电话（单独授权，记入审计）', params: idParamsSchema, response: { 200: personRevealSchema, ...errors } } },
    async (req) => service.revealPerson(authorize(req, 'person:reveal'), req.params.id));
  app.post('/api/persons', { schema: { tags, summary: '登记人员（附件2 报名表字段）', body: personCreateSchema, response: { 201: personSchema, ...errors } } },
    async (req, reply) => reply.status(201).send(await service.createPerson(authorize(req, 'person:write'), req.body)));
  app.patch('/api/persons/:id', { schema: { tags, summary: '修改人员', params: idParamsSchema, body: personUpdateSchema, response: { 200: personSchema, ...errors } } },
    async (req) => service.updatePerson(authorize(req, 'person:write'), req.params.id, req.body));
  app.delete('/api/persons/:id', { schema: { tags, summary: '删除人员（已有派驻记录的改为归档）', params: idParamsSchema, response: { 200: removeResultSchema, ...errors } } },
    async (req) => service.removePerson(authorize(req, 'person:write'), req.params.id));
  app.post('/api/persons/:id/restore', { schema: { tags, summary: '恢复已归档的人员', params: idParamsSchema, response: { 200: personSchema, ...errors } } },
    async (req) => service.restorePerson(authorize(req, 'person:write'), req.params.id));
};
