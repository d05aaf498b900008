import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Fastify, { type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import multipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Database } from '@duikou/db';
import type { Actor, Clock } from './core/actor.js';
import { systemClock } from './core/actor.js';
import type { Config } from './config.js';
import type { FieldCipher } from './core/crypto.js';
import { registerErrorHandler } from './core/error-handler.js';
import { registerSessionHook } from './core/http.js';
import { authRoutes } from './modules/auth/auth.routes.js';
import { healthRoutes } from './modules/health/health.routes.js';
import { regionRoutes } from './modules/regions/regions.routes.js';
import { organisationRoutes } from './modules/organisations/organisations.routes.js';
import { programmeRoutes } from './modules/programmes/programmes.routes.js';
import { pairingRoutes } from './modules/pairings/pairings.routes.js';
import { auditRoutes } from './modules/audit/audit.routes.js';
import { homeRoutes } from './modules/home/home.routes.js';
import { calendarRoutes } from './modules/calendar/calendar.routes.js';
import { policyRoutes } from './modules/policies/policies.routes.js';
import { personRoutes } from './modules/persons/persons.routes.js';
import { assignmentRoutes } from './modules/assignments/assignments.routes.js';
import { attendanceRoutes } from './modules/attendance/attendance.routes.js';
import { leaveRoutes } from './modules/leave/leave.routes.js';
import { spotCheckRoutes } from './modules/spot-checks/spot-checks.routes.js';
import { progressRoutes } from './modules/progress/progress.routes.js';
import { agreementRoutes } from './modules/agreements/agreements.routes.js';
import { taskRoutes } from './modules/tasks/tasks.routes.js';
import { appraisalRoutes } from './modules/appraisals/appraisals.routes.js';
import { mentorshipRoutes } from './modules/mentorships/mentorships.routes.js';
import { visitRoutes } from './modules/visits/visits.routes.js';
import { activityRoutes } from './modules/activities/activities.routes.js';
import { outcomeRoutes } from './modules/outcomes/outcomes.routes.js';
import { certificateRoutes } from './modules/certificates/certificates.routes.js';
import { dashboardRoutes } from './modules/dashboard/dashboard.routes.js';
import { statutoryReportRoutes } from './modules/statutory-reports/statutory-reports.routes.js';
import { notificationRoutes } from './modules/notifications/notifications.routes.js';
import { startReminderScheduler, stopReminderScheduler } from './modules/notifications/reminders.service.js';

export interface AppDeps {
  database: Database;
  config: Config;
  clock: Clock;
  cipher: FieldCipher;
}

declare module 'fastify' {
  interface FastifyInstance { deps: AppDeps }
  interface FastifyRequest { actor: Actor | null; sessionExpired: boolean }
}

z.config(z.locales.zhCN());

/** Where the built web app lives: WEB_DIST, or apps/web/dist next to this package. */
function findWebDist(config: Config): string | undefined {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const candidates = [config.webDist, path.resolve(here, '../../web/dist'), path.resolve(here, '../web/dist')];
  return candidates.find((c): c is string => !!c && existsSync(path.join(c, 'index.html')));
}

export async function buildApp(deps: { database: Database; config: Config; cipher: FieldCipher; clock?: Clock; logger?: boolean }): Promise<FastifyInstance> {
  const app = Fastify({
    logger: deps.logger === false ? false : { level: deps.config.logLevel },
    bodyLimit: 1_048_576,
    trustProxy: false,
  }).withTypeProvider<ZodTypeProvider>();
  app.decorate('deps', { database: deps.database, config: deps.config, cipher: deps.cipher, clock: deps.clock ?? systemClock });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  const webDist = findWebDist(deps.config);
  registerErrorHandler(app, { spaShell: !!webDist });

  await app.register(cookie);
  await app.register(multipart, { limits: { fileSize: 10 * 1024 * 1024, files: 1, fields: 10 } });
  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: { title: 'Duikou 对口支援帮扶管理平台 API', version: '0.1.0', description: '所有接口均在 /api 下；列表返回 { items, total }；错误返回 { code, message, field? }。登录后以 HTTP-only Cookie 维持会话。' },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  registerSessionHook(app);
  await app.register(healthRoutes);
  await app.register(authRoutes);
  await app.register(regionRoutes);
  await app.register(organisationRoutes);
  await app.register(programmeRoutes);
  await app.register(pairingRoutes);
  await app.register(auditRoutes);
  await app.register(homeRoutes);
  await app.register(calendarRoutes);
  await app.register(policyRoutes);
  await app.register(personRoutes);
  await app.register(assignmentRoutes);
  await app.register(attendanceRoutes);
  await app.register(leaveRoutes);
  await app.register(spotCheckRoutes);
  await app.register(progressRoutes);
  await app.register(agreementRoutes);
  await app.register(taskRoutes);
  await app.register(appraisalRoutes);
  await app.register(mentorshipRoutes);
  await app.register(visitRoutes);
  await app.register(activityRoutes);
  await app.register(outcomeRoutes);
  await app.register(certificateRoutes);
  await app.register(dashboardRoutes);
  await app.register(statutoryReportRoutes);
  await app.register(notificationRoutes);
  // The reminder job's timer (DUIKOU_REMINDER_INTERVAL_MINUTES; off in tests): started when listening, stopped before the database closes.
  app.addHook('onReady', async () => startReminderScheduler(app));
  app.addHook('onClose', async () => stopReminderScheduler(app));

  // Client-side routes fall back to the app shell in the not-found handler (registerErrorHandler).
  if (webDist) await app.register(fastifyStatic, { root: webDist, wildcard: false, index: ['index.html'] });
  return app;
}
