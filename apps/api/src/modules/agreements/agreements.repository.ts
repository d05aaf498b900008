import { aliasedTable, and, asc, desc, eq, sql } from 'drizzle-orm';
import { agreements, organisations, pairings, programmes, regions, type DbOrTx } from '@duikou/db';
import type { AgreementListQuery } from '@duikou/contracts';
import type { Scope } from '../../core/actor.js';
import { allOf, totalCount } from '../../core/pagination.js';
import { pairingUnitVisible } from '../results/results.repository.js';

const supportOrg = aliasedTable(organisations, 'support_org');
const recipientOrg = aliasedTable(organisations, 'recipient_org');

const columns = {
  a: agreements, programmeName: programmes.name, policyCode: programmes.policyCode, supportOrgName: supportOrg.name,
  recipientOrgId: pairings.recipientOrgId, recipientOrgName: recipientOrg.name, regionPath: regions.path,
};
export interface AgreementRow {
  a: typeof agreements.$inferSelect;
  programmeName: string; policyCode: string; supportOrgName: string; recipientOrgId: string; recipientOrgName: string; regionPath: string | null;
}

function base(db: DbOrTx) {
  return db.select({ ...columns, total: totalCount }).from(agreements)
    .innerJoin(pairings, eq(pairings.id, agreements.pairingId))
    .innerJoin(programmes, eq(programmes.id, pairings.programmeId))
    .innerJoin(supportOrg, eq(supportOrg.id, agreements.supportOrgId))
    .innerJoin(recipientOrg, eq(recipientOrg.id, pairings.recipientOrgId))
    .leftJoin(regions, eq(regions.code, recipientOrg.regionCode));
}

const statusCondition = {
  draft: sql`(${agreements.supportSignedOn} is null or ${agreements.recipientSignedOn} is null)`,
  signed: sql`(${agreements.supportSignedOn} is not null and ${agreements.recipientSignedOn} is not null and ${agreements.filedOn} is null)`,
  filed: sql`${agreements.filedOn} is not null`,
} as const;

export async function listAgreements(db: DbOrTx, scope: Scope, q: Omit<AgreementListQuery, 'page' | 'pageSize'> & { limit: number; offset: number }) {
  const rows = await base(db).where(allOf([
    pairingUnitVisible(scope, agreements.pairingId, agreements.supportOrgId),
    q.year !== undefined && eq(agreements.year, q.year),
    q.pairingId && eq(agreements.pairingId, q.pairingId),
    q.supportOrgId && eq(agreements.supportOrgId, q.supportOrgId),
    q.recipientOrgId && eq(pairings.recipientOrgId, q.recipientOrgId),
    q.status && statusCondition[q.status],
  ])).orderBy(desc(agreements.year), asc(recipientOrg.name), asc(supportOrg.name)).limit(q.limit).offset(q.offset);
  return { rows: rows as (AgreementRow & { total: number })[], total: rows[0]?.total ?? 0 };
}

export async function findAgreement(db: DbOrTx, scope: Scope, id: string): Promise<AgreementRow | undefined> {
  const [row] = await base(db).where(and(eq(agreements.id, id), pairingUnitVisible(scope, agreements.pairingId, agreements.supportOrgId)));
  return row;
}

/** The agreements of a year in scope, for the coverage of pairings. */
export async function listYearAgreements(db: DbOrTx, scope: Scope, year: number) {
  return db.select({ id: agreements.id, pairingId: agreements.pairingId, supportOrgId: agreements.supportOrgId, supportSignedOn: agreements.supportSignedOn, recipientSignedOn: agreements.recipientSignedOn, filedOn: agreements.filedOn })
    .from(agreements).where(and(eq(agreements.year, year), pairingUnitVisible(scope, agreements.pairingId, agreements.supportOrgId)));
}

export async function insertAgreement(db: DbOrTx, v: typeof agreements.$inferInsert): Promise<string> {
  const [row] = await db.insert(agreements).values(v).returning({ id: agreements.id });
  return row!.id;
}

export async function updateAgreement(db: DbOrTx, id: string, set: Partial<typeof agreements.$inferInsert>): Promise<void> {
  await db.update(agreements).set(set).where(eq(agreements.id, id));
}

export async function deleteAgreement(db: DbOrTx, id: string): Promise<void> {
  await db.delete(agreements).where(eq(agreements.id, id));
}

export async function findByKey(db: DbOrTx, pairingId: string, supportOrgId: string, year: number) {
  const [row] = await db.select({ id: agreements.id }).from(agreements)
    .where(and(eq(agreements.pairingId, pairingId), eq(agreements.supportOrgId, supportOrgId), eq(agreements.year, year)));
  return row;
}
