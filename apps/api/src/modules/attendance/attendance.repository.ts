import { and, asc, desc, eq, gte, inArray, lte, sql } from 'drizzle-orm';
import {
  queryNamed, assignments, attendanceAppeals, attendanceDays, attendanceMonths, checkIns, organisations, pairings, persons, regions, type Db, type DbOrTx,
} from '@duikou/db';
import type { Scope } from '../../core/actor.js';
import { batchedPerDatabase } from '../../core/batcher.js';
import { visiblePairingIds } from '../../core/scope.sql.js';

export interface ActiveAssignment {
  id: string; status: string; plannedStart: string; plannedEnd: string; actualStart: string | null; department: string;
  recipientOrgId: string; recipientOrgName: string; geoLat: number | null; geoLng: number | null; geoRadiusM: number | null; regionPath: string | null;
}

/**
 * The assignment a person is on (or about to start) on a date, with its recipient's geofence. Every
 * check-in asks this: the asks of the same moment go in one named statement (DECISIONS 25).
 */
export function findActiveAssignment(db: Db, personId: string, date: string): Promise<ActiveAssignment | undefined> {
  return findActiveBatched(db, { personId, date });
}
const findActiveBatched = batchedPerDatabase(findActiveAssignments);

async function findActiveAssignments(db: Db, asks: readonly { personId: string; date: string }[]): Promise<(ActiveAssignment | undefined)[]> {
  const rows = await queryNamed<ActiveAssignment & { i: number }>(db, 'attendance_active_assignments', `
    select q.i::int as i, x.* from unnest($1::uuid[], $2::date[]) with ordinality as q(person_id, date, i)
    cross join lateral (
      select a.id, a.status, a.planned_start::text as "plannedStart", a.planned_end::text as "plannedEnd", a.actual_start::text as "actualStart",
        a.department, p.recipient_org_id as "recipientOrgId", o.name as "recipientOrgName",
        o.geo_lat as "geoLat", o.geo_lng as "geoLng", o.geo_radius_m as "geoRadiusM", r.path as "regionPath"
      from assignments a
      join pairings p on p.id = a.pairing_id
      join organisations o on o.id = p.recipient_org_id
      left join regions r on r.code = o.region_code
      where a.person_id = q.person_id and a.archived_at is null and a.status in ('planned', 'on_duty') and a.planned_start <= q.date and a.planned_end >= q.date
      order by a.planned_start desc limit 1
    ) x`, [asks.map((q) => q.personId), asks.map((q) => q.date)]);
  const byIndex = new Map(rows.map(({ i, ...row }) => [i, row]));
  return asks.map((_, i) => byIndex.get(i + 1));
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
 * Records a check-in: the row once per client id, the assignment put on duty, the day filled unless
 * the unit or a leave set it or the month is locked, and the audit lines (the check-in; the
 * assignment when it went on duty) — all or nothing. The check-ins of the same moment are written by
 * one statement (DECISIONS 20, 25). Returns the new id, or undefined when the client id was already
 * recorded.
 */
export async function writeCheckIn(db: Db, w: CheckInWrite): Promise<string | undefined> {
  return (await writeBatched(db, w)) ?? undefined;
}
const writeBatched = batchedPerDatabase(writeCheckIns);

/**
 * The check-ins in one statement. Within it each row behaves as if written alone in order: a client
 * id sent twice is recorded once (the first), the day is set by the last tap of the batch that fills
 * it, and the assignment starts on the earliest of its days.
 */
async function writeCheckIns(db: Db, ws: readonly CheckInWrite[]): Promise<(string | null)[]> {
  const input = ws.map((w, i) => ({
    i, client_id: w.row.clientId, assignment_id: w.row.assignmentId, person_id: w.row.personId, kind: w.row.kind, at: w.row.at.toISOString(), date: w.row.date,
    received_at: w.row.receivedAt.toISOString(), lat: w.row.lat, lng: w.row.lng, accuracy_m: w.row.accuracyM, distance_m: w.row.distanceM, fence: w.row.fence,
    field_reason: w.row.fieldReason, sent_late: w.row.sentLate, fills_day: w.day !== null, day_status: w.day?.status ?? null, day_note: w.day?.note ?? null,
    updated_by: w.day?.updatedBy ?? null, recipient_org_id: w.recipientOrgId, actor_user_id: w.audit.actorUserId, actor_username: w.audit.actorUsername,
    summary: w.audit.summary, region_path: w.audit.regionPath, ip: w.audit.ip,
  }));
  const rows = await queryNamed<{ i: number; id: string }>(db, 'attendance_write_check_ins', `
    with v as (
      select * from jsonb_to_recordset($1::jsonb) as v(i int, client_id text, assignment_id uuid, person_id uuid, kind text, at timestamptz, date date,
        received_at timestamptz, lat double precision, lng double precision, accuracy_m double precision, distance_m double precision, fence text,
        field_reason text, sent_late boolean, fills_day boolean, day_status text, day_note text, updated_by text, recipient_org_id uuid,
        actor_user_id uuid, actor_username text, summary text, region_path text, ip text)
    ), ins as (
      insert into check_ins (client_id, assignment_id, person_id, kind, at, date, received_at, lat, lng, accuracy_m, distance_m, fence, field_reason, sent_late)
      select client_id, assignment_id, person_id, kind, at, date, received_at, lat, lng, accuracy_m, distance_m, fence, field_reason, sent_late from v order by i
      on conflict (person_id, client_id) do nothing
      returning id, person_id, client_id
    ), done as (
      select distinct on (ins.id) v.*, ins.id from ins join v on v.person_id = ins.person_id and v.client_id = ins.client_id order by ins.id, v.i
    ), starts as (
      select assignment_id, min(date) as date, max(received_at) as received_at from done where fills_day group by assignment_id
    ), on_duty as (
      update assignments a set status = 'on_duty', actual_start = s.date, updated_at = s.received_at
      from starts s
      where a.id = s.assignment_id and (a.status = 'planned' or (a.status = 'on_duty' and a.actual_start > s.date))
      returning a.id, s.date
    ), day as (
      insert into attendance_days (assignment_id, date, status, source, note, updated_by, updated_at)
      select distinct on (assignment_id, date) assignment_id, date, day_status, 'check_in', day_note, updated_by, received_at
      from done
      where fills_day and not exists (select 1 from attendance_months m where m.recipient_org_id = done.recipient_org_id and m.month = to_char(done.date, 'YYYY-MM'))
      order by assignment_id, date, i desc
      on conflict (assignment_id, date) do update set status = excluded.status, source = excluded.source, note = excluded.note,
        updated_by = excluded.updated_by, updated_at = excluded.updated_at
      where attendance_days.source = 'check_in'
        -- A second tap of the day changes nothing: no row version, no trigger work.
        and (attendance_days.status, attendance_days.note) is distinct from (excluded.status, excluded.note)
    ), audit as (
      insert into audit_events (at, actor_user_id, actor_username, action, entity_type, entity_id, summary, region_path, ip)
      select received_at, actor_user_id, actor_username, 'create', 'check_in', id::text, summary, region_path, ip from done order by i
    ), duty_audit as (
      -- The assignment's own line: its status changed (and dashboards recount staffing, DECISIONS 24).
      insert into audit_events (at, actor_user_id, actor_username, action, entity_type, entity_id, summary, region_path, ip)
      select d.received_at, d.actor_user_id, d.actor_username, 'update', 'assignment', on_duty.id::text,
        '签到开始驻点：派驻状态改为在岗（' || on_duty.date::text || '）', d.region_path, d.ip
      from on_duty join lateral (select * from done where done.assignment_id = on_duty.id and done.fills_day order by done.date, done.i limit 1) d on true
    )
    select i, id::text as id from done`, [JSON.stringify(input)]);
  const ids = new Map(rows.map((r) => [r.i, r.id]));
  return ws.map((_, i) => ids.get(i) ?? null);
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
