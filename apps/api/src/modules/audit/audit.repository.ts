import { desc, eq, sql } from 'drizzle-orm';
import { auditEvents, type DbOrTx } from '@duikou/db';
import type { AuditListQuery } from '@duikou/contracts';
import type { Scope } from '../../core/actor.js';
import { allOf, containsPattern, pageOf, totalCount } from '../../core/pagination.js';
import { regionPathCondition } from '../../core/scope.sql.js';

/** Day boundaries are China Standard Time: an office asking for "1 May" means Beijing's 1 May. */
const startOfDay = (d: string) => sql`${`${d}T00:00:00+08:00`}::timestamptz`;

export async function listAuditEvents(db: DbOrTx, scope: Scope, q: AuditListQuery) {
  const where = allOf([
    regionPathCondition(scope, sql`${auditEvents.regionPath}`),
    q.entityType && eq(auditEvents.entityType, q.entityType),
    q.entityId && eq(auditEvents.entityId, q.entityId),
    q.action && eq(auditEvents.action, q.action),
    q.actor && sql`${auditEvents.actorUsername} ilike ${containsPattern(q.actor)}`,
    q.from && sql`${auditEvents.at} >= ${startOfDay(q.from)}`,
    q.to && sql`${auditEvents.at} < ${startOfDay(q.to)} + interval '1 day'`,
    q.q && sql`${auditEvents.summary} ilike ${containsPattern(q.q)}`,
  ]);
  const rows = await db.select({
    id: auditEvents.id, at: auditEvents.at, actorUsername: auditEvents.actorUsername, action: auditEvents.action, entityType: auditEvents.entityType,
    entityId: auditEvents.entityId, summary: auditEvents.summary, before: auditEvents.before, after: auditEvents.after, ip: auditEvents.ip, total: totalCount,
  }).from(auditEvents).where(where).orderBy(desc(auditEvents.id)).limit(pageOf(q).limit).offset(pageOf(q).offset);
  return { rows, total: rows[0]?.total ?? 0 };
}

export async function countRecentAuditEvents(db: DbOrTx, scope: Scope, since: Date): Promise<number> {
  const [row] = await db.select({ n: sql<number>`cast(count(*) as integer)` }).from(auditEvents)
    .where(allOf([regionPathCondition(scope, sql`${auditEvents.regionPath}`), sql`${auditEvents.at} >= ${since.toISOString()}::timestamptz`]));
  return row?.n ?? 0;
}
