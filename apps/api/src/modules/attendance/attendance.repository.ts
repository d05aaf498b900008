import { and, asc, desc, eq, gte, inArray, lte, sql } from 'drizzle-orm';
import {
  assignments, attendanceAppeals, attendanceDays, attendanceMonths, checkIns, organisations, pairings, persons, regions, type DbOrTx,
} from '@duikou/db';
import type { Scope } from '../../core/actor.js';
import { visiblePairingIds } from '../../core/scope.sql.js';

/** The assignment a person is on (or about to start) on a date, with its recipient's geofence. */
export async function findActiveAssignment(db: DbOrTx, personId: string, date: string) {
  const [row] = await db.select({
    id: assignments.id, status: assignments.status, plannedStart: assignments.plannedStart, plannedEnd: assignments.plannedEnd,
    actualStart: assignments.actualStart, department: assignments.department, recipientOrgId: pairings.recipientOrgId, recipientOrgName: organisations.name,
    geoLat: organisations.geoLat, geoLng: organisations.geoLng, geoRadiusM: organisations.geoRadiusM, regionPath: regions.path,
  }).from(assignments)
    .innerJoin(pairings, eq(pairings.id, assignments.pairingId))
    .innerJoin(organisations, eq(organisations.id, pairings.recipientOrgId))
    .leftJoin(regions, eq(regions.code, organisations.regionCode))
    .where(and(
      eq(assignments.personId, personId), sql`${assignments.archivedAt} is null`, inArray(assignments.status, ['planned', 'on_duty']),
      lte(assignments.plannedStart, date), gte(assignments.plannedEnd, date),
    ))
    .orderBy(desc(assignments.plannedStart)).limit(1);
  return row;
}

export async function insertCheckIn(db: DbOrTx, values: typeof checkIns.$inferInsert) {
  return db.insert(checkIns).values(values).onConflictDoNothing({ target: [checkIns.personId, checkIns.clientId] }).returning();
}

export async function findCheckInByClientId(db: DbOrTx, personId: string, clientId: string) {
  const [row] = await db.select().from(checkIns).where(and(eq(checkIns.personId, personId), eq(checkIns.clientId, clientId)));
  return row;
}

export async function listCheckIns(db: DbOrTx, personId: string, from: string, to: string) {
  return db.select().from(checkIns).where(and(eq(checkIns.personId, personId), gte(checkIns.date, from), lte(checkIns.date, to))).orderBy(asc(checkIns.at));
}

export async function findDay(db: DbOrTx, assignmentId: string, date: string) {
  const [row] = await db.select().from(attendanceDays).where(and(eq(attendanceDays.assignmentId, assignmentId), eq(attendanceDays.date, date)));
  return row;
}

export async function upsertDay(db: DbOrTx, v: { assignmentId: string; date: string; status: string; source: string; note?: string | null; updatedBy: string; at: Date }) {
  await db.insert(attendanceDays).values({ ...v, note: v.note ?? null, updatedAt: v.at })
    .onConflictDoUpdate({ target: [attendanceDays.assignmentId, attendanceDays.date], set: { status: v.status, source: v.source, note: v.note ?? null, updatedBy: v.updatedBy, updatedAt: v.at } });
}

export async function deleteDays(db: DbOrTx, assignmentId: string, from: string, to: string, source: string) {
  await db.delete(attendanceDays).where(and(eq(attendanceDays.assignmentId, assignmentId), gte(attendanceDays.date, from), lte(attendanceDays.date, to), eq(attendanceDays.source, source)));
}

export async function isMonthLocked(db: DbOrTx, recipientOrgId: string, month: string): Promise<boolean> {
  const [row] = await db.select({ m: attendanceMonths.month }).from(attendanceMonths).where(and(eq(attendanceMonths.recipientOrgId, recipientOrgId), eq(attendanceMonths.month, month)));
  return !!row;
}

export async function findMonth(db: DbOrTx, recipientOrgId: string, month: string) {
  const [row] = await db.select().from(attendanceMonths).where(and(eq(attendanceMonths.recipientOrgId, recipientOrgId), eq(attendanceMonths.month, month)));
  return row;
}

export async function lockMonth(db: DbOrTx, v: typeof attendanceMonths.$inferInsert) {
  await db.insert(attendanceMonths).values(v);
}

/** A recipient organisation, if the caller may see it (an office: in its pairings; a unit: itself). */
export async function findRecipient(db: DbOrTx, scope: Scope, orgId: string) {
  const [row] = await db.select({ id: organisations.id, name: organisations.name, regionPath: regions.path }).from(organisations)
    .leftJoin(regions, eq(regions.code, organisations.regionCode))
    .where(and(eq(organisations.id, orgId), scope.kind === 'all' ? undefined
      : scope.kind === 'unit' ? sql`${organisations.id} = ${scope.orgId}`
        : sql`exists (select 1 from pairings rp where rp.recipient_org_id = ${organisations.id} and rp.id in (${visiblePairingIds(scope)}))`));
  return row;
}

export async function findGeofence(db: DbOrTx, orgId: string) {
  const [row] = await db.select({ lat: organisations.geoLat, lng: organisations.geoLng, radiusM: organisations.geoRadiusM }).from(organisations).where(eq(organisations.id, orgId));
  return row && row.lat !== null && row.lng !== null && row.radiusM !== null ? { lat: row.lat, lng: row.lng, radiusM: row.radiusM } : null;
}

/** Assignments at a recipient overlapping a period, with their attendance rows in it. */
export async function listMonthFacts(db: DbOrTx, recipientOrgId: string, from: string, to: string) {
  const rows = await db.select({
    id: assignments.id, personName: persons.name, department: assignments.department, supportOrgName: organisations.name,
    start: sql<string>`coalesce(${assignments.actualStart}, ${assignments.plannedStart})::text`,
    end: sql<string>`coalesce(${assignments.actualEnd}, ${assignments.plannedEnd})::text`,
  }).from(assignments)
    .innerJoin(pairings, eq(pairings.id, assignments.pairingId))
    .innerJoin(persons, eq(persons.id, assignments.personId))
    .innerJoin(organisations, eq(organisations.id, assignments.supportOrgId))
    .where(and(
      eq(pairings.recipientOrgId, recipientOrgId), sql`${assignments.archivedAt} is null`, inArray(assignments.status, ['planned', 'on_duty', 'completed', 'recalled', 'replaced']),
      sql`coalesce(${assignments.actualStart}, ${assignments.plannedStart}) <= ${to} and coalesce(${assignments.actualEnd}, ${assignments.plannedEnd}) >= ${from}`,
    ))
    .orderBy(asc(persons.name));
  const ids = rows.map((r) => r.id);
  const days = ids.length === 0 ? [] : await db.select().from(attendanceDays)
    .where(and(inArray(attendanceDays.assignmentId, ids), gte(attendanceDays.date, from), lte(attendanceDays.date, to)));
  return { rows, days };
}

/** An assignment with its recipient, for edits and appeals, if visible to the caller. */
export async function findAssignmentFacts(db: DbOrTx, scope: Scope, id: string) {
  const [row] = await db.select({
    id: assignments.id, personId: assignments.personId, personName: persons.name, supportOrgId: assignments.supportOrgId,
    recipientOrgId: pairings.recipientOrgId, recipientOrgName: organisations.name, regionPath: regions.path,
    start: sql<string>`coalesce(${assignments.actualStart}, ${assignments.plannedStart})::text`,
    end: sql<string>`coalesce(${assignments.actualEnd}, ${assignments.plannedEnd})::text`,
  }).from(assignments)
    .innerJoin(pairings, eq(pairings.id, assignments.pairingId))
    .innerJoin(persons, eq(persons.id, assignments.personId))
    .innerJoin(organisations, eq(organisations.id, pairings.recipientOrgId))
    .leftJoin(regions, eq(regions.code, organisations.regionCode))
    .where(and(eq(assignments.id, id), scope.kind === 'all' ? undefined
      : scope.kind === 'unit' ? sql`(${assignments.supportOrgId} = ${scope.orgId} or ${pairings.recipientOrgId} = ${scope.orgId})`
        : sql`${assignments.pairingId} in (${visiblePairingIds(scope)})`));
  return row;
}

export async function insertAppeal(db: DbOrTx, v: typeof attendanceAppeals.$inferInsert): Promise<string> {
  const [row] = await db.insert(attendanceAppeals).values(v).returning({ id: attendanceAppeals.id });
  return row!.id;
}

export async function updateAppeal(db: DbOrTx, id: string, set: Partial<typeof attendanceAppeals.$inferInsert>) {
  await db.update(attendanceAppeals).set(set).where(eq(attendanceAppeals.id, id));
}

export async function listAppeals(db: DbOrTx, scope: Scope, q: { status?: string | undefined; recipientOrgId?: string | undefined; personId?: string | null; id?: string }) {
  return db.select({
    appeal: attendanceAppeals, personName: persons.name, recipientOrgId: pairings.recipientOrgId, recipientOrgName: organisations.name,
    supportOrgId: assignments.supportOrgId, regionPath: regions.path,
    currentStatus: sql<string | null>`(select d.status from attendance_days d where d.assignment_id = "attendance_appeals"."assignment_id" and d.date = "attendance_appeals"."date")`,
  }).from(attendanceAppeals)
    .innerJoin(assignments, eq(assignments.id, attendanceAppeals.assignmentId))
    .innerJoin(pairings, eq(pairings.id, assignments.pairingId))
    .innerJoin(persons, eq(persons.id, assignments.personId))
    .innerJoin(organisations, eq(organisations.id, pairings.recipientOrgId))
    .leftJoin(regions, eq(regions.code, organisations.regionCode))
    .where(and(
      q.id ? eq(attendanceAppeals.id, q.id) : undefined,
      q.status ? eq(attendanceAppeals.status, q.status) : undefined,
      q.recipientOrgId ? eq(pairings.recipientOrgId, q.recipientOrgId) : undefined,
      q.personId ? eq(assignments.personId, q.personId) : undefined,
      scope.kind === 'all' ? undefined
        : scope.kind === 'unit' ? sql`(${assignments.supportOrgId} = ${scope.orgId} or ${pairings.recipientOrgId} = ${scope.orgId})`
          : sql`${assignments.pairingId} in (${visiblePairingIds(scope)})`,
    ))
    .orderBy(desc(attendanceAppeals.createdAt)).limit(500);
}

export async function setGeofence(db: DbOrTx, orgId: string, v: { lat: number; lng: number; radiusM: number }, at: Date) {
  await db.update(organisations).set({ geoLat: v.lat, geoLng: v.lng, geoRadiusM: v.radiusM, updatedAt: at }).where(eq(organisations.id, orgId));
}

/** The first check-in puts a planned assignment on duty; a queued earlier one moves the start back. */
export async function markOnDutySince(db: DbOrTx, id: string, date: string, at: Date) {
  await db.update(assignments).set({ status: 'on_duty', actualStart: date, updatedAt: at }).where(and(eq(assignments.id, id), eq(assignments.status, 'planned')));
  await db.update(assignments).set({ actualStart: date, updatedAt: at })
    .where(and(eq(assignments.id, id), eq(assignments.status, 'on_duty'), sql`${assignments.actualStart} > ${date}`));
}
