import { and, eq, lt, ne, sql } from 'drizzle-orm';
import { organisations, queryNamed, regions, sessions, users, type Db, type DbOrTx } from '@duikou/db';
import { batchedPerDatabase } from '../../core/batcher.js';

export interface UserRecord {
  id: string; username: string; displayName: string; passwordHash: string; role: string;
  failedLogins: number; lockedUntil: Date | null; disabledAt: Date | null; personId: string | null;
  orgId: string; orgName: string; orgKind: string; regionCode: string | null; regionName: string | null; regionPath: string | null;
}

const userColumns = {
  id: users.id, username: users.username, displayName: users.displayName, passwordHash: users.passwordHash, role: users.role,
  failedLogins: users.failedLogins, lockedUntil: users.lockedUntil, disabledAt: users.disabledAt, personId: users.personId,
  orgId: organisations.id, orgName: organisations.name, orgKind: organisations.kind,
  regionCode: organisations.regionCode, regionName: regions.name, regionPath: regions.path,
};

export async function findUserByUsername(db: DbOrTx, username: string): Promise<UserRecord | undefined> {
  const rows = await db.select(userColumns).from(users)
    .innerJoin(organisations, eq(organisations.id, users.orgId))
    .leftJoin(regions, eq(regions.code, organisations.regionCode))
    .where(eq(users.username, username));
  return rows[0];
}

export type SessionUser = UserRecord & { lastSeenAt: Date; createdAt: Date };

/**
 * Every authenticated request reads its session (unless cached): the reads of the same moment go in
 * one named statement (the morning check-in peak; DECISIONS 25, 29).
 */
export function findSessionUser(db: Db, tokenHash: string): Promise<SessionUser | undefined> {
  return findSessionBatched(db, tokenHash);
}
const findSessionBatched = batchedPerDatabase(async (db: Db, hashes: readonly string[]): Promise<(SessionUser | undefined)[]> => {
  const rows = await queryNamed<SessionUser & { tokenHash: string }>(db, 'auth_session_users', `
    select s.token_hash as "tokenHash", u.id, u.username, u.display_name as "displayName", u.password_hash as "passwordHash", u.role,
      u.failed_logins as "failedLogins", u.locked_until as "lockedUntil", u.disabled_at as "disabledAt", u.person_id as "personId",
      o.id as "orgId", o.name as "orgName", o.kind as "orgKind", o.region_code as "regionCode", r.name as "regionName", r.path as "regionPath",
      s.last_seen_at as "lastSeenAt", s.created_at as "createdAt"
    from sessions s join users u on u.id = s.user_id join organisations o on o.id = u.org_id left join regions r on r.code = o.region_code
    where s.token_hash = any($1::text[])`, [hashes]);
  const byHash = new Map(rows.map(({ tokenHash, ...row }) => [tokenHash, row]));
  return hashes.map((h) => byHash.get(h));
});

export async function recordFailedLogin(db: DbOrTx, userId: string, lockUntil: Date | null): Promise<number> {
  const [row] = await db.update(users)
    .set({ failedLogins: sql`${users.failedLogins} + 1`, ...(lockUntil ? { lockedUntil: lockUntil } : {}) })
    .where(eq(users.id, userId)).returning({ failedLogins: users.failedLogins });
  return row?.failedLogins ?? 0;
}

export async function lockUser(db: DbOrTx, userId: string, until: Date): Promise<void> {
  await db.update(users).set({ lockedUntil: until }).where(eq(users.id, userId));
}

export async function resetFailedLogins(db: DbOrTx, userId: string): Promise<void> {
  await db.update(users).set({ failedLogins: 0, lockedUntil: null }).where(eq(users.id, userId));
}

export async function insertSession(db: DbOrTx, s: { tokenHash: string; userId: string; now: Date; ip: string | null; userAgent: string | null }): Promise<void> {
  await db.insert(sessions).values({ tokenHash: s.tokenHash, userId: s.userId, createdAt: s.now, lastSeenAt: s.now, ip: s.ip, userAgent: s.userAgent });
}

/** Records a session's activity; the touches of the same moment go in one statement, never moving a session back in time. */
export async function touchSession(db: Db, tokenHash: string, now: Date): Promise<void> {
  await touchBatched(db, { tokenHash, at: now.toISOString() });
}
const touchBatched = batchedPerDatabase(async (db: Db, touches: readonly { tokenHash: string; at: string }[]): Promise<void[]> => {
  await queryNamed(db, 'auth_touch_sessions', `
    update sessions s set last_seen_at = v.at
    from (select h, max(at) as at from unnest($1::text[], $2::timestamptz[]) as t(h, at) group by h) v
    where s.token_hash = v.h and s.last_seen_at < v.at`, [touches.map((t) => t.tokenHash), touches.map((t) => t.at)]);
  return touches.map(() => undefined);
});

export async function deleteSession(db: DbOrTx, tokenHash: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.tokenHash, tokenHash));
}

export async function deleteOtherSessions(db: DbOrTx, userId: string, keepTokenHash: string): Promise<void> {
  await db.delete(sessions).where(and(eq(sessions.userId, userId), ne(sessions.tokenHash, keepTokenHash)));
}

export async function deleteIdleSessions(db: DbOrTx, idleBefore: Date): Promise<void> {
  await db.delete(sessions).where(lt(sessions.lastSeenAt, idleBefore));
}

export async function updatePasswordHash(db: DbOrTx, userId: string, passwordHash: string, now: Date): Promise<void> {
  await db.update(users).set({ passwordHash, passwordChangedAt: now }).where(eq(users.id, userId));
}
