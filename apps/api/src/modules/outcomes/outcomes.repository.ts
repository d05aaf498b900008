import { and, asc, desc, eq, sql } from 'drizzle-orm';
import { agreements, organisations, outcomeRecords, pairings, regions, type DbOrTx } from '@duikou/db';
import type { OutcomeListQuery } from '@duikou/contracts';
import type { Scope } from '../../core/actor.js';
import { allOf, totalCount } from '../../core/pagination.js';
import { visibleRecipientIds } from '../results/results.repository.js';

export interface OutcomeRow { o: typeof outcomeRecords.$inferSelect; recipientOrgName: string; regionPath: string | null }

const visible = (scope: Scope) => sql`${outcomeRecords.recipientOrgId} in (${visibleRecipientIds(scope)})`;

function base(db: DbOrTx) {
  return db.select({ o: outcomeRecords, recipientOrgName: organisations.name, regionPath: regions.path, total: totalCount }).from(outcomeRecords)
    .innerJoin(organisations, eq(organisations.id, outcomeRecords.recipientOrgId))
    .leftJoin(regions, eq(regions.code, organisations.regionCode));
}

export async function listOutcomes(db: DbOrTx, scope: Scope, q: Omit<OutcomeListQuery, 'page' | 'pageSize'> & { limit: number; offset: number }) {
  const rows = await base(db).where(allOf([
    visible(scope),
    q.recipientOrgId && eq(outcomeRecords.recipientOrgId, q.recipientOrgId),
    q.year !== undefined && sql`(${outcomeRecords.period} = ${String(q.year)} or ${outcomeRecords.period} like ${`${q.year}-Q%`})`,
  ])).orderBy(desc(outcomeRecords.period), asc(organisations.name)).limit(q.limit).offset(q.offset);
  return { rows: rows as (OutcomeRow & { total: number })[], total: rows[0]?.total ?? 0 };
}

export async function findOutcome(db: DbOrTx, scope: Scope, id: string): Promise<OutcomeRow | undefined> {
  const [row] = await base(db).where(and(eq(outcomeRecords.id, id), visible(scope)));
  return row;
}

export async function findByKey(db: DbOrTx, recipientOrgId: string, period: string) {
  const [row] = await db.select({ id: outcomeRecords.id }).from(outcomeRecords).where(and(eq(outcomeRecords.recipientOrgId, recipientOrgId), eq(outcomeRecords.period, period)));
  return row;
}

export async function listOfRecipient(db: DbOrTx, recipientOrgId: string) {
  return db.select().from(outcomeRecords).where(eq(outcomeRecords.recipientOrgId, recipientOrgId)).orderBy(asc(outcomeRecords.period));
}

/** The agreements of a recipient signed by both sides: what each year aimed at. */
export async function listSignedAgreements(db: DbOrTx, recipientOrgId: string) {
  return db.select({ year: agreements.year, technologies: agreements.technologies, traineeTarget: agreements.traineeTarget }).from(agreements)
    .innerJoin(pairings, eq(pairings.id, agreements.pairingId))
    .where(and(eq(pairings.recipientOrgId, recipientOrgId), sql`${agreements.supportSignedOn} is not null and ${agreements.recipientSignedOn} is not null`))
    .orderBy(asc(agreements.year));
}

export async function insertOutcome(db: DbOrTx, v: typeof outcomeRecords.$inferInsert): Promise<string> {
  const [row] = await db.insert(outcomeRecords).values(v).returning({ id: outcomeRecords.id });
  return row!.id;
}

export async function updateOutcome(db: DbOrTx, id: string, set: Partial<typeof outcomeRecords.$inferInsert>) {
  await db.update(outcomeRecords).set(set).where(eq(outcomeRecords.id, id));
}

export async function deleteOutcome(db: DbOrTx, id: string) {
  await db.delete(outcomeRecords).where(eq(outcomeRecords.id, id));
}
