import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Permission } from '@duikou/contracts';
import type { Actor, RequestContext } from './actor.js';
import { AppError } from './app-error.js';
import { IDLE_MINUTES, resolveSession } from '../modules/auth/auth.service.js';

export const SESSION_COOKIE = 'duikou_sid';

export const sessionCookieOptions = (secure: boolean) => ({
  path: '/', httpOnly: true, sameSite: 'lax' as const, secure, maxAge: 12 * 3600,
});

/** Reads the session cookie of every request into `request.actor` (null when there is none). */
export function registerSessionHook(app: FastifyInstance): void {
  app.decorateRequest('actor', null);
  app.decorateRequest('sessionExpired', false);
  app.addHook('onRequest', async (request) => {
    const token = request.cookies[SESSION_COOKIE];
    if (!token || !request.url.startsWith('/api/')) return;
    const found = await resolveSession(app.deps.database.db, app.deps.clock, token);
    if (found && 'actor' in found) request.actor = found.actor;
    else if (found) request.sessionExpired = true;
  });
}

export function requireActor(request: FastifyRequest): Actor {
  if (request.actor) return request.actor;
  if (request.sessionExpired) throw new AppError('SESSION_EXPIRED', `超过 ${IDLE_MINUTES} 分钟未操作，会话已过期，请重新登录`);
  throw new AppError('UNAUTHENTICATED', '请先登录');
}

/** Route guard: the caller must be logged in and hold the permission. */
export function authorize(request: FastifyRequest, permission: Permission): RequestContext {
  const actor = requireActor(request);
  if (!actor.permissions.has(permission)) throw new AppError('FORBIDDEN', '当前角色没有权限访问此功能');
  return contextOf(request);
}

export function contextOf(request: FastifyRequest): RequestContext {
  const actor = requireActor(request);
  const { database, clock, cipher } = request.server.deps;
  return { db: database.db, cipher, actor, clock, ip: request.ip ?? null };
}
