import { aliasedTable, and, asc, desc, eq, sql } from 'drizzle-orm';
import { leadershipVisits, organisations, pairings, programmes, regions, type DbOrTx } from '@duikou/db';
import type { VisitListQuery } from '@duikou/contracts';
import type { Scope } from '../../core/actor.js';
import { allOf, totalCount } from '../../core/pagination.js';
import { pairingUnitVisible } from '../results/results.repository.js';

const supportOrg = aliasedTable(organisations, 'support_org');
const recipientOrg = aliasedTable(organisations, 'recipient_org');

export interface VisitRow {
  v: typeof leadershipVisits.$inferSelect;
  programmeName: string; policyCode: string; supportOrgName: string; recipientOrgId: string; recipientOrgName: string; regionPath: string | null;
}

function base(db: DbOrTx) {
  return db.select({
    v: leadershipVisits, programmeName: programmes.name, policyCode: programmes.policyCode, supportOrgName: supportOrg.name,
    recipientOrgId: pairings.recipientOrgId, recipientOrgName: recipientOrg.name, regionPath: regions.path, total: totalCount,
  }).from(leadershipVisits)
    .innerJoin(pairings, eq(pairings.id, leadershipVisits.pairingId))
    .innerJoin(programmes, eq(programmes.id, pairings.programmeId))
    .innerJoin(supportOrg, eq(supportOrg.id, leadershipVisits.supportOrgId))
    .innerJoin(recipientOrg, eq(recipientOrg.id, pairings.recipientOrgId))
    .leftJoin(regions, eq(regions.code, recipientOrg.regionCode));
}

const visible = (scope: Scope) => pairingUnitVisible(scope, leadershipVisits.pairingId, leadershipVisits.supportOrgId);

export async function listVisits(db: DbOrTx, scope: Scope, q: Omit<VisitListQuery, 'page' | 'pageSize'> & { limit: number; offset: number }) {
  const rows = await base(db).where(allOf([
    visible(scope),
    q.year !== undefined && sql`${leadershipVisits.date} between ${`${q.year}-01-01`} and ${`${q.year}-12-31`}`,
    q.pairingId && eq(leadershipVisits.pairingId, q.pairingId),
    q.supportOrgId && eq(leadershipVisits.supportOrgId, q.supportOrgId),
    q.recipientOrgId && eq(pairings.recipientOrgId, q.recipientOrgId),
  ])).orderBy(desc(leadershipVisits.date), asc(supportOrg.name)).limit(q.limit).offset(q.offset);
  return { rows: rows as (VisitRow & { total: number })[], total: rows[0]?.total ?? 0 };
}

export async function findVisit(db: DbOrTx, scope: Scope, id: string): Promise<VisitRow | undefined> {
  const [row] = await base(db).where(and(eq(leadershipVisits.id, id), visible(scope)));
  return row;
}

/** The visits of a year in scope, for the verdicts. */
export async function listYearVisits(db: DbOrTx, scope: Scope, year: number) {
  return db.select({ id: leadershipVisits.id, pairingId: leadershipVisits.pairingId, supportOrgId: leadershipVisits.supportOrgId, date: leadershipVisits.date, ledByLeadership: leadershipVisits.ledByLeadership })
    .from(leadershipVisits).where(and(visible(scope), sql`${leadershipVisits.date} between ${`${year}-01-01`} and ${`${year}-12-31`}`));
}

export async function insertVisit(db: DbOrTx, v: typeof leadershipVisits.$inferInsert): Promise<string> {
  const [row] = await db.insert(leadershipVisits).values(v).returning({ id: leadershipVisits.id });
  return row!.id;
}

export async function updateVisit(db: DbOrTx, id: string, set: Partial<typeof leadershipVisits.$inferInsert>) {
  await db.update(leadershipVisits).set(set).where(eq(leadershipVisits.id, id));
}

export async function deleteVisit(db: DbOrTx, id: string) {
  await db.delete(leadershipVisits).where(eq(leadershipVisits.id, id));
}
