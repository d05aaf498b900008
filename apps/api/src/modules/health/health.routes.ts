import { sql } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../core/app-error.js';

export const healthRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/api/health', {
    schema: { tags: ['系统'], summary: '健康检查（含数据库）', response: { 200: z.object({ status: z.literal('ok'), database: z.enum(['pglite', 'postgres']) }) } },
  }, async () => {
    try {
      await app.deps.database.db.execute(sql`select 1`);
    } catch {
      throw new AppError('UNAVAILABLE', '数据库不可用');
    }
    return { status: 'ok' as const, database: app.deps.database.kind };
  });
};
