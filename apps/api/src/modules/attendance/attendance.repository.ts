import { and, asc, desc, eq, gte, inArray, lte, sql } from 'drizzle-orm';
import {
  queryNamed, assignments, attendanceAppeals, attendanceDays, attendanceMonths, checkIns, organisations, pairings, persons, regions, type Db, type DbOrTx,
} from '@duikou/db';
import type { Scope } from '../../core/actor.js';
import { visiblePairingIds } from '../../core/scope.sql.js';

export interface ActiveAssignment {
  id: string; status: string; plannedStart: string; plannedEnd: string; actualStart: string | null; department: string;
  recipientOrgId: string; recipientOrgName: string; geoLat: number | null; geoLng: number | null; geoRadiusM: number | null; regionPath: string | null;
}

/**
 * The assignment a person is on (or about to start) on a date, with its recipient's geofence. Every
 * check-in asks this, so it is a named statement planned once per connection.
 */
export async function findActiveAssignment(db: Db, personId: string, date: string): Promise<ActiveAssignment | undefined> {
  const [row] = await queryNamed<ActiveAssignment>(db, 'attendance_active_assignment', `
    select a.id, a.status, a.planned_start::text as "plannedStart", a.planned_end::text as "plannedEnd", a.actual_start::text as "actualStart",
      a.department, p.recipient_org_id as "recipientOrgId", o.name as "recipientOrgName",
      o.geo_lat as "geoLat", o.geo_lng as "geoLng", o.geo_radius_m as "geoRadiusM", r.path as "regionPath"
    from assignments a
    join pairings p on p.id = a.pairing_id
    join organisations o on o.id = p.recipient_org_id
    left join regions r on r.code = o.region_code
    where a.person_id = $1 and a.archived_at is null and a.status in ('planned', 'on_duty') and a.planned_start <= $2 and a.planned_end >= $2
    order by a.planned_start desc limit 1`, [personId, date]);
  return row;
}

export async function insertCheckIn(db: DbOrTx, values: typeof checkIns.$inferInsert) {
  return db.insert(checkIns).values(values).onConflictDoNothing({ target: [checkIns.personId, checkIns.clientId] }).returning();
}

/** What one check-in writes besides its own row: the day it fills and the audit line. */
export interface CheckInWrite {
  row: {
    clientId: string; assignmentId: string; personId: string; kind: string; at: Date; date: string; receivedAt: Date;
    lat: number | null; lng: number | null; accuracyM: number | null; distanceM: number | null; fence: string; fieldReason: string | null; sentLate: boolean;
  };
  /** Only a check-in (签到) puts a planned assignment on duty and fills the day. */
  day: { status: string; note: string | null; updatedBy: string } | null;
  recipientOrgId: string;
  audit: { actorUserId: string; actorUsername: string; summary: string; regionPath: string | null; ip: string | null };
}

/**
 * Records a check-in in one statement (one round trip under the morning peak, DECISIONS 20): the
 * row once per client id, the assignment put on duty, the day filled unless the unit or a leave set
 * it or the month is locked, and the audit lines (the check-in; the assignment when it went on
 * duty) — all or nothing. Returns the new id, or undefined
 * when the client id was already recorded.
 */
export async function writeCheckIn(db: Db, w: CheckInWrite): Promise<string | undefined> {
  const r = w.row;
  const received = r.receivedAt.toISOString();
  const [row] = await queryNamed<{ id: string }>(db, 'attendance_write_check_in', `
    with ins as (
      insert into check_ins (client_id, assignment_id, person_id, kind, at, date, received_at, lat, lng, accuracy_m, distance_m, fence, field_reason, sent_late)
      values ($1::text, $2::uuid, $3::uuid, $4::text, $5::timestamptz, $6::date, $7::timestamptz, $8::double precision, $9::double precision,
        $10::double precision, $11::double precision, $12::text, $13::text, $14::boolean)
      on conflict (person_id, client_id) do nothing
      returning id
    ), on_duty as (
      update assignments set status = 'on_duty', actual_start = $6::date, updated_at = $7::timestamptz
      where id = $2::uuid and $15::boolean and exists (select 1 from ins)
        and (status = 'planned' or (status = 'on_duty' and actual_start > $6::date))
      returning id
    ), day as (
      insert into attendance_days (assignment_id, date, status, source, note, updated_by, updated_at)
      select $2::uuid, $6::date, $16::text, 'check_in', $17::text, $18::text, $7::timestamptz
      where $15::boolean and exists (select 1 from ins)
        and not exists (select 1 from attendance_months m where m.recipient_org_id = $19::uuid and m.month = $20::text)
      on conflict (assignment_id, date) do update set status = excluded.status, source = excluded.source, note = excluded.note,
        updated_by = excluded.updated_by, updated_at = excluded.updated_at
      where attendance_days.source = 'check_in'
        -- A second tap of the day changes nothing: no row version, no trigger work.
        and (attendance_days.status, attendance_days.note) is distinct from (excluded.status, excluded.note)
    ), audit as (
      insert into audit_events (at, actor_user_id, actor_username, action, entity_type, entity_id, summary, region_path, ip)
      select $7::timestamptz, $21::uuid, $22::text, 'create', 'check_in', ins.id::text, $23::text, $24::text, $25::text from ins
    ), duty_audit as (
      -- The assignment's own line: its status changed (and dashboards recount staffing, DECISIONS 24).
      insert into audit_events (at, actor_user_id, actor_username, action, entity_type, entity_id, summary, region_path, ip)
      select $7::timestamptz, $21::uuid, $22::text, 'update', 'assignment', on_duty.id::text, '签到开始驻点：派驻状态改为在岗（' || $6::text || '）', $24::text, $25::text from on_duty
    )
    select id::text as id from ins`, [
    r.clientId, r.assignmentId, r.personId, r.kind, r.at.toISOString(), r.date, received, r.lat, r.lng, r.accuracyM, r.distanceM, r.fence, r.fieldReason, r.sentLate,
    w.day !== null, w.day?.status ?? '', w.day?.note ?? null, w.day?.updatedBy ?? null, w.recipientOrgId, r.date.slice(0, 7),
    w.audit.actorUserId, w.audit.actorUsername, w.audit.summary, w.audit.regionPath, w.audit.ip,
  ]);
  return row?.id;
}

export async function findCheckInByClientId(db: DbOrTx, personId: string, clientId: string) {
  const [row] = await db.select().from(checkIns).where(and(eq(checkIns.personId, personId), eq(checkIns.clientId, clientId)));
  return row;
}

export async function listCheckIns(db: DbOrTx, personId: string, from: string, to: string) {
  return db.select().from(checkIns).where(and(eq(checkIns.personId, personId), gte(checkIns.date, from), lte(checkIns.date, to))).orderBy(asc(checkIns.at));
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
