import { createHash, randomBytes } from 'node:crypto';
import { ROLES, type Me, type Role } from '@duikou/contracts';
import type { Db } from '@duikou/db';
import { ROLE_PERMISSIONS, scopeFor, type Actor, type Clock, type RequestContext } from '../../core/actor.js';
import { AppError } from '../../core/app-error.js';
import { recordAudit } from '../../core/audit.js';
import { hashPassword, verifyAgainstDummy, verifyPassword } from '../../core/password.js';
import * as repo from './auth.repository.js';
import { forgetSession, forgetUserSessions, getCachedSession, putCachedSession } from './session-cache.js';

export const MAX_FAILED_LOGINS = 5;
export const LOCK_MINUTES = 15;
export const IDLE_MINUTES = 30;
/** A session ends after 12 hours even when in use, so a stolen cookie does not live forever. */
export const MAX_SESSION_HOURS = 12;
/** Last-seen is written at most once a minute so reads do not turn into writes. */
const TOUCH_EVERY_MS = 60_000;

export const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');

const fmt = (d: Date): string => d.toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false });

function toActor(u: repo.UserRecord): Actor {
  if (!(ROLES as readonly string[]).includes(u.role)) throw new AppError('FORBIDDEN', '账号角色无效，请联系管理员');
  const role = u.role as Role;
  return {
    userId: u.id, username: u.username, displayName: u.displayName, role,
    orgId: u.orgId, orgName: u.orgName, orgKind: u.orgKind,
    regionCode: u.regionCode, regionName: u.regionName, regionPath: u.regionPath, personId: u.personId,
    scope: scopeFor(role, u.orgId, u.regionPath),
    permissions: new Set(ROLE_PERMISSIONS[role]),
  };
}

export function describeActor(actor: Actor): Me {
  return {
    id: actor.userId, username: actor.username, displayName: actor.displayName, role: actor.role,
    org: { id: actor.orgId, name: actor.orgName, kind: actor.orgKind, regionCode: actor.regionCode, regionName: actor.regionName },
    permissions: [...actor.permissions],
  };
}

/**
 * Checks a password and opens a session. Five failures in a row lock the account for 15 minutes;
 * an unknown user gets the same answer, after the same work, as a wrong password.
 */
export async function logIn(
  db: Db, clock: Clock,
  input: { username: string; password: string; ip: string | null; userAgent: string | null },
): Promise<{ token: string; actor: Actor }> {
  const now = clock.now();
  const user = await repo.findUserByUsername(db, input.username);
  const bad = new AppError('INVALID_CREDENTIALS', '用户名或密码错误');
  if (!user || user.disabledAt) {
    await verifyAgainstDummy(input.password);
    await recordAudit(db, null, { action: 'login_failed', entityType: 'session', summary: `未知用户名「${input.username.slice(0, 64)}」登录失败` }, { username: input.username.slice(0, 64), ip: input.ip });
    throw bad;
  }
  if (user.lockedUntil && user.lockedUntil > now) {
    throw new AppError('ACCOUNT_LOCKED', `连续 ${MAX_FAILED_LOGINS} 次密码错误，账号已锁定至 ${fmt(user.lockedUntil)}，请稍后再试`);
  }
  if (!(await verifyPassword(user.passwordHash, input.password))) {
    await db.transaction(async (tx) => {
      // A lock that has run out starts the count again.
      if (user.lockedUntil && user.lockedUntil <= now) await repo.resetFailedLogins(tx, user.id);
      const failures = await repo.recordFailedLogin(tx, user.id, null);
      const audit = { actor: toActor(user), ip: input.ip, clock };
      await recordAudit(tx, audit, { action: 'login_failed', entityType: 'user', entityId: user.id, regionPath: user.regionPath, summary: `密码错误（连续第 ${failures} 次）` });
      if (failures >= MAX_FAILED_LOGINS) {
        const until = new Date(now.getTime() + LOCK_MINUTES * 60_000);
        await repo.lockUser(tx, user.id, until);
        await recordAudit(tx, audit, { action: 'account_locked', entityType: 'user', entityId: user.id, regionPath: user.regionPath, summary: `锁定至 ${fmt(until)}` });
      }
    });
    throw bad;
  }
  const token = randomBytes(32).toString('base64url');
  const actor = toActor(user);
  await db.transaction(async (tx) => {
    await repo.resetFailedLogins(tx, user.id);
    await repo.insertSession(tx, { tokenHash: hashToken(token), userId: user.id, now, ip: input.ip, userAgent: input.userAgent?.slice(0, 300) ?? null });
    await recordAudit(tx, { actor, ip: input.ip, clock }, { action: 'login', entityType: 'session', entityId: user.id, regionPath: user.regionPath, summary: '登录成功' });
  });
  return { token, actor };
}

/** Resolves a session cookie to its actor; idle (30 min) and over-age (12 h) sessions are ended. */
export async function resolveSession(db: Db, clock: Clock, token: string): Promise<{ actor: Actor } | { expired: true } | null> {
  const tokenHash = hashToken(token);
  let s = getCachedSession(db, tokenHash);
  if (!s) {
    const readStarted = performance.now();
    s = await repo.findSessionUser(db, tokenHash);
    if (!s) return null;
    putCachedSession(db, tokenHash, s, readStarted);
  }
  const now = clock.now().getTime();
  const idle = now - s.lastSeenAt.getTime() > IDLE_MINUTES * 60_000;
  const tooOld = now - s.createdAt.getTime() > MAX_SESSION_HOURS * 3_600_000;
  if (idle || tooOld || s.disabledAt) {
    forgetSession(db, tokenHash);
    await repo.deleteSession(db, tokenHash);
    return { expired: true };
  }
  if (now - s.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
    await repo.touchSession(db, tokenHash, clock.now());
    s.lastSeenAt = clock.now();
  }
  return { actor: toActor(s) };
}

export async function logOut(ctx: RequestContext, token: string): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    await repo.deleteSession(tx, hashToken(token));
    forgetSession(ctx.db, hashToken(token));
    await recordAudit(tx, ctx, { action: 'logout', entityType: 'session', entityId: ctx.actor.userId, regionPath: ctx.actor.regionPath });
  });
  // Again after the commit: a request that read the row before the delete committed may have cached it.
  forgetSession(ctx.db, hashToken(token));
}

/** Changes the caller's password after checking the current one; other sessions of the user end. */
export async function changePassword(ctx: RequestContext, token: string, input: { currentPassword: string; newPassword: string }): Promise<void> {
  const user = await repo.findUserByUsername(ctx.db, ctx.actor.username);
  if (!user || !(await verifyPassword(user.passwordHash, input.currentPassword))) {
    throw new AppError('VALIDATION_FAILED', '当前密码不正确', { field: 'currentPassword' });
  }
  if (input.currentPassword === input.newPassword) {
    throw new AppError('VALIDATION_FAILED', '新密码不能与当前密码相同', { field: 'newPassword' });
  }
  const newHash = await hashPassword(input.newPassword);
  await ctx.db.transaction(async (tx) => {
    await repo.updatePasswordHash(tx, user.id, newHash, ctx.clock.now());
    await repo.deleteOtherSessions(tx, user.id, hashToken(token));
    forgetUserSessions(ctx.db, user.id, hashToken(token));
    await recordAudit(tx, ctx, { action: 'password_change', entityType: 'user', entityId: user.id, regionPath: ctx.actor.regionPath, summary: '修改了密码' });
  });
  forgetUserSessions(ctx.db, user.id, hashToken(token));
}
