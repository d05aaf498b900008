import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { auditEventSchema, auditListQuerySchema, errorBodySchema, listOf } from '@duikou/contracts';
import { authorize } from '../../core/http.js';
import * as service from './audit.service.js';

export const auditRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/api/audit-events', {
    schema: { tags: ['审计'], summary: '审计日志（谁、何时、对什么、改前改后）', querystring: auditListQuerySchema, response: { 200: listOf(auditEventSchema), 400: errorBodySchema, 401: errorBodySchema, 403: errorBodySchema } },
  }, async (req) => service.listAuditEvents(authorize(req, 'audit:read'), req.query));
};
