import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  activityCreateSchema, activityListQuerySchema, activitySchema, activityUpdateSchema, errorBodySchema, idParamsSchema, listOf, offSiteGuidanceQuerySchema,
  offSiteGuidanceSchema, removeResultSchema,
} from '@duikou/contracts';
import { z } from 'zod';
import { authorize } from '../../core/http.js';
import { errors } from '../results/results.http.js';
import * as service from './activities.service.js';

const tags = ['带教与指导记录'];

export const activityRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/api/activities', { schema: { tags, summary: '带教与指导记录（驻点：临床带教、教学查房、手术示范、专项培训、案例分析；不驻点：远程指导）', querystring: activityListQuerySchema, response: { 200: listOf(activitySchema), ...errors } } },
    async (req) => service.listActivities(authorize(req, 'results:read'), req.query));
  app.get('/api/activities/off-site-guidance', {
    schema: { tags, summary: '不驻点期间远程指导记录核查（MY 间隔去、分段驻）：每个有不驻点工作日的月份是否有记录', querystring: offSiteGuidanceQuerySchema, response: { 200: offSiteGuidanceSchema, ...errors } },
  }, async (req) => service.offSiteGuidance(authorize(req, 'results:read'), req.query));
  app.get('/api/activities/:id', { schema: { tags, summary: '带教/指导记录详情', params: idParamsSchema, response: { 200: activitySchema, ...errors } } },
    async (req) => service.getActivity(authorize(req, 'results:read'), req.params.id));
  app.post('/api/activities', {
    // Up to 3 attachments of 2 MB travel as base64 in JSON (about 2.7 MB of text each).
    bodyLimit: 9 * 1024 * 1024,
    schema: { tags, summary: '登记带教或远程指导（日期、参与人员、内容；附件最多 3 个，每个不超过 2 MB）', body: activityCreateSchema, response: { 201: activitySchema, 413: errorBodySchema, ...errors } },
  }, async (req, reply) => reply.status(201).send(await service.createActivity(authorize(req, 'activity:write'), req.body)));
  app.patch('/api/activities/:id', { schema: { tags, summary: '修改带教/指导记录', params: idParamsSchema, body: activityUpdateSchema, response: { 200: activitySchema, ...errors } } },
    async (req) => service.updateActivity(authorize(req, 'activity:write'), req.params.id, req.body));
  app.delete('/api/activities/:id', { schema: { tags, summary: '删除带教/指导记录（连同附件）', params: idParamsSchema, response: { 200: removeResultSchema, ...errors } } },
    async (req) => service.removeActivity(authorize(req, 'activity:write'), req.params.id));
  app.get('/api/activity-attachments/:id', { schema: { tags, summary: '下载带教/指导记录的附件', params: idParamsSchema, response: { 200: z.any(), ...errors } } },
    async (req, reply) => {
      const file = await service.getAttachment(authorize(req, 'results:read'), req.params.id);
      return reply.header('content-type', file.type).header('content-disposition', `attachment; filename="attachment"; filename*=UTF-8''${encodeURIComponent(file.name)}`).send(file.body);
    });
};
