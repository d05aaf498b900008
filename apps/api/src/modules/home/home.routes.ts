import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorBodySchema, homeSummarySchema } from '@duikou/contracts';
import { authorize } from '../../core/http.js';
import { summariseHome } from './home.service.js';

export const homeRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/api/home/summary', {
    schema: { tags: ['首页'], summary: '本辖区概况', response: { 200: homeSummarySchema, 401: errorBodySchema, 403: errorBodySchema } },
  }, async (req) => summariseHome(authorize(req, 'home:read')));
};
