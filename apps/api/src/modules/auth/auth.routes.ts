import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorBodySchema, loginBodySchema, meSchema, okSchema, passwordChangeBodySchema } from '@duikou/contracts';
import { SESSION_COOKIE, contextOf, requireActor, sessionCookieOptions } from '../../core/http.js';
import { AppError } from '../../core/app-error.js';
import { changePassword, describeActor, logIn, logOut } from './auth.service.js';

export const authRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post('/api/auth/login', {
    schema: { tags: ['认证'], summary: '登录', body: loginBodySchema, response: { 200: meSchema, 401: errorBodySchema, 403: errorBodySchema } },
  }, async (request, reply) => {
    const { token, actor } = await logIn(app.deps.database.db, app.deps.clock, {
      ...request.body, ip: request.ip ?? null, userAgent: request.headers['user-agent'] ?? null,
    });
    void reply.setCookie(SESSION_COOKIE, token, sessionCookieOptions(app.deps.config.cookieSecure));
    return describeActor(actor);
  });

  app.post('/api/auth/logout', { schema: { tags: ['认证'], summary: '退出登录', response: { 200: okSchema } } }, async (request, reply) => {
    const token = request.cookies[SESSION_COOKIE];
    if (request.actor && token) await logOut(contextOf(request), token);
    void reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return { ok: true as const };
  });

  app.get('/api/auth/me', { schema: { tags: ['认证'], summary: '当前用户', response: { 200: meSchema, 401: errorBodySchema } } }, async (request) => {
    return describeActor(requireActor(request));
  });

  app.post('/api/auth/password', {
    schema: { tags: ['认证'], summary: '修改密码', body: passwordChangeBodySchema, response: { 200: okSchema, 400: errorBodySchema } },
  }, async (request) => {
    requireActor(request);
    const token = request.cookies[SESSION_COOKIE];
    if (!token) throw new AppError('UNAUTHENTICATED', '请先登录');
    await changePassword(contextOf(request), token, request.body);
    return { ok: true as const };
  });
};
