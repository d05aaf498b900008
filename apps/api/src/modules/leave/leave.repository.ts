import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import { assignments, leaveDecisions, leaveRequests, organisations, pairings, persons, regions, tripReports, type DbOrTx } from '@duikou/db';
import { aliasedTable } from 'drizzle-orm';
import type { Scope } from '../../core/actor.js';
import { totalCount } from '../../core/pagination.js';
import { visiblePairingIds } from '../../core/scope.sql.js';

const supportOrg = aliasedTable(organisations, 'support_org');

/** Leave or trips visible: staff their own; units those of their staff or at them; offices their area. */
function visible(scope: Scope, personId: string | null) {
  if (personId) return eq(assignments.personId, personId);
  if (scope.kind === 'all') return undefined;
  if (scope.kind === 'unit') return sql`(${assignments.supportOrgId} = ${scope.orgId} or ${pairings.recipientOrgId} = ${scope.orgId})`;
  return sql`${assignments.pairingId} in (${visiblePairingIds(scope)})`;
}

const leaveColumns = {
  leave: leaveRequests, personId: assignments.personId, personName: persons.name, supportOrgId: assignments.supportOrgId, supportOrgName: supportOrg.name,
  recipientOrgId: pairings.recipientOrgId, recipientOrgName: organisations.name, regionPath: regions.path, policyCode: sql<string>`(select pg.policy_code from programmes pg where pg.id = ${pairings.programmeId})`,
};

function leaveBase(db: DbOrTx) {
  return db.select({ ...leaveColumns, total: totalCount }).from(leaveRequests)
    .innerJoin(assignments, eq(assignments.id, leaveRequests.assignmentId))
    .innerJoin(pairings, eq(pairings.id, assignments.pairingId))
    .innerJoin(persons, eq(persons.id, assignments.personId))
    .innerJoin(supportOrg, eq(supportOrg.id, assignments.supportOrgId))
    .innerJoin(organisations, eq(organisations.id, pairings.recipientOrgId))
    .leftJoin(regions, eq(regions.code, organisations.regionCode));
}
export type LeaveRow = Awaited<ReturnType<typeof findLeave>> & object;

export async function listLeave(db: DbOrTx, scope: Scope, personId: string | null, q: { status?: string | undefined; assignmentId?: string | undefined; limit: number; offset: number }) {
  return leaveBase(db).where(and(
    visible(scope, personId),
    q.status ? eq(leaveRequests.status, q.status) : undefined,
    q.assignmentId ? eq(leaveRequests.assignmentId, q.assignmentId) : undefined,
  )).orderBy(desc(leaveRequests.createdAt), desc(leaveRequests.startDate)).limit(q.limit).offset(q.offset);
}

export async function findLeave(db: DbOrTx, scope: Scope, personId: string | null, id: string) {
  const [row] = await leaveBase(db).where(and(eq(leaveRequests.id, id), visible(scope, personId)));
  return row;
}

export async function listDecisions(db: DbOrTx, leaveIds: string[]) {
  if (leaveIds.length === 0) return [];
  return db.select().from(leaveDecisions).where(inArray(leaveDecisions.leaveId, leaveIds)).orderBy(asc(leaveDecisions.decidedAt));
}

export async function insertLeave(db: DbOrTx, v: typeof leaveRequests.$inferInsert): Promise<string> {
  const [row] = await db.insert(leaveRequests).values(v).returning({ id: leaveRequests.id });
  return row!.id;
}

export async function updateLeave(db: DbOrTx, id: string, set: Partial<typeof leaveRequests.$inferInsert>) {
  await db.update(leaveRequests).set(set).where(eq(leaveRequests.id, id));
}

export async function insertDecision(db: DbOrTx, v: typeof leaveDecisions.$inferInsert) {
  await db.insert(leaveDecisions).values(v);
}

export async function findAttachment(db: DbOrTx, id: string) {
  const [row] = await db.select({ name: leaveRequests.attachmentName, type: leaveRequests.attachmentType, base64: leaveRequests.attachment }).from(leaveRequests).where(eq(leaveRequests.id, id));
  return row;
}

/** An assignment with what leave needs: its policy, recipient and dates, if visible. */
export async function findAssignmentForLeave(db: DbOrTx, scope: Scope, personId: string | null, id: string) {
  const [row] = await db.select({
    id: assignments.id, personId: assignments.personId, personName: persons.name, status: assignments.status, supportOrgId: assignments.supportOrgId,
    recipientOrgId: pairings.recipientOrgId, recipientOrgName: organisations.name, regionPath: regions.path,
    policyCode: sql<string>`(select pg.policy_code from programmes pg where pg.id = ${pairings.programmeId})`,
    start: sql<string>`coalesce(${assignments.actualStart}, ${assignments.plannedStart})::text`,
    end: sql<string>`coalesce(${assignments.actualEnd}, ${assignments.plannedEnd})::text`,
  }).from(assignments)
    .innerJoin(pairings, eq(pairings.id, assignments.pairingId))
    .innerJoin(persons, eq(persons.id, assignments.personId))
    .innerJoin(organisations, eq(organisations.id, pairings.recipientOrgId))
    .leftJoin(regions, eq(regions.code, organisations.regionCode))
    .where(and(eq(assignments.id, id), visible(scope, personId)));
  return row;
}

/** The person's assignment covering a date (or the latest one started), for staff who do not name it. */
export async function findOwnAssignmentId(db: DbOrTx, personId: string, date: string): Promise<string | undefined> {
  const [row] = await db.select({ id: assignments.id }).from(assignments)
    .where(and(eq(assignments.personId, personId), inArray(assignments.status, ['planned', 'on_duty']), sql`${assignments.plannedStart} <= ${date} and ${assignments.plannedEnd} >= ${date}`))
    .orderBy(desc(assignments.plannedStart)).limit(1);
  return row?.id;
}

export async function insertTrip(db: DbOrTx, v: typeof tripReports.$inferInsert): Promise<string> {
  const [row] = await db.insert(tripReports).values(v).returning({ id: tripReports.id });
  return row!.id;
}

export async function listTrips(db: DbOrTx, scope: Scope, personId: string | null) {
  return db.select({ trip: tripReports, personName: persons.name, recipientOrgName: organisations.name }).from(tripReports)
    .innerJoin(assignments, eq(assignments.id, tripReports.assignmentId))
    .innerJoin(pairings, eq(pairings.id, assignments.pairingId))
    .innerJoin(persons, eq(persons.id, assignments.personId))
    .innerJoin(organisations, eq(organisations.id, pairings.recipientOrgId))
    .where(visible(scope, personId)).orderBy(desc(tripReports.startDate)).limit(500);
}

/** Pending or granted leave of an assignment overlapping a period. */
export async function findOverlappingLeave(db: DbOrTx, assignmentId: string, from: string, to: string) {
  const [row] = await db.select({ startDate: leaveRequests.startDate, endDate: leaveRequests.endDate }).from(leaveRequests)
    .where(and(eq(leaveRequests.assignmentId, assignmentId), inArray(leaveRequests.status, ['pending', 'approved']),
      sql`${leaveRequests.startDate} <= ${to} and ${leaveRequests.endDate} >= ${from}`));
  return row;
}
