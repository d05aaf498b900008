import { and, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { organisations, regions, rowsOf, statutoryReports, type DbOrTx } from '@duikou/db';
import type { Actor } from '../../core/actor.js';
import { allOf, totalCount } from '../../core/pagination.js';

/**
 * Records behind the statutory reports (统计报表): staff on post in a period, what the attendance,
 * spot checks, teaching records, agreements, visits and quarterly feedback say about them, and the
 * reports themselves with the scope of submitter and receiver.
 */

export type ReportRow = typeof statutoryReports.$inferSelect;
const like = (path: string) => `${path}%`;
const list = (values: readonly string[]): SQL => sql.join(values.map((v) => sql`${v}`), sql`, `);

export interface OrgFacts { id: string; name: string; kind: string; regionCode: string | null; regionName: string | null; regionPath: string | null; parentCode: string | null }

export async function findOrg(db: DbOrTx, id: string): Promise<OrgFacts | undefined> {
  const [row] = await db.select({
    id: organisations.id, name: organisations.name, kind: organisations.kind, regionCode: organisations.regionCode,
    regionName: regions.name, regionPath: regions.path, parentCode: regions.parentCode,
  }).from(organisations).leftJoin(regions, eq(regions.code, organisations.regionCode)).where(eq(organisations.id, id));
  return row;
}

/** The health office (卫健委 / 卫健局) registered at a region, if any. */
export async function findOfficeAt(db: DbOrTx, regionCode: string): Promise<{ id: string; name: string } | undefined> {
  const [row] = await db.select({ id: organisations.id, name: organisations.name }).from(organisations)
    .where(and(eq(organisations.regionCode, regionCode), eq(organisations.kind, 'health_office'), sql`${organisations.archivedAt} is null`))
    .orderBy(organisations.name).limit(1);
  return row;
}

export interface OnPostRow {
  assignment_id: string; person_id: string; person_name: string; support_org_id: string; support_name: string; support_region_name: string | null;
  pairing_id: string; recipient_org_id: string; recipient_name: string; recipient_path: string | null; county_name: string | null; policy_code: string;
}

/**
 * Assignments on post at some time in [from, to]: not archived, arrived (status past `planned`), and
 * whose term (actual dates, else planned) overlaps the period. Filtered by support unit, by the area
 * of the recipient, or by pairing.
 */
export async function listOnPost(db: DbOrTx, f: { from: string; to: string; supportOrgId?: string; recipientPath?: string; pairingIds?: readonly string[] }): Promise<OnPostRow[]> {
  if (f.pairingIds && f.pairingIds.length === 0) return [];
  return rowsOf<OnPostRow>(await db.execute(sql`
    select a.id as assignment_id, a.person_id, pe.name as person_name, a.support_org_id, so.name as support_name, sr.name as support_region_name,
           a.pairing_id, p.recipient_org_id, ro.name as recipient_name, rr.path as recipient_path, rr.name as county_name, pg.policy_code
    from assignments a
    join persons pe on pe.id = a.person_id
    join pairings p on p.id = a.pairing_id
    join programmes pg on pg.id = p.programme_id
    join organisations so on so.id = a.support_org_id left join regions sr on sr.code = so.region_code
    join organisations ro on ro.id = p.recipient_org_id left join regions rr on rr.code = ro.region_code
    where a.archived_at is null and a.status <> 'planned'
      and coalesce(a.actual_start, a.planned_start) <= ${f.to} and coalesce(a.actual_end, a.planned_end) >= ${f.from}
      ${f.supportOrgId ? sql`and a.support_org_id = ${f.supportOrgId}` : sql``}
      ${f.recipientPath ? sql`and rr.path like ${like(f.recipientPath)}` : sql``}
      ${f.pairingIds ? sql`and a.pairing_id in (${list(f.pairingIds)})` : sql``}
    order by ro.name, pe.name`));
}

export interface AssignmentCounts {
  assignment_id: string; on_site: number; leave: number; absent: number;
  checks: number; present: number; check_absent: number; check_leave: number; activities: number; task_reports: number;
}

/** What the records of [from, to] say about each assignment; `onSiteStatuses` are those the policy counts on site. */
export async function countPerAssignment(db: DbOrTx, ids: readonly string[], p: { from: string; to: string; onSiteStatuses: readonly string[]; quarter?: string }): Promise<Map<string, AssignmentCounts>> {
  if (ids.length === 0) return new Map();
  const inPeriod = (col: SQL) => sql`${col} between ${p.from} and ${p.to}`;
  const rows = rowsOf<AssignmentCounts>(await db.execute(sql`
    select a.id as assignment_id,
      cast((select count(*) from attendance_days d where d.assignment_id = a.id and ${inPeriod(sql`d.date`)} and d.status in (${list(p.onSiteStatuses)})) as integer) as on_site,
      cast((select count(*) from attendance_days d where d.assignment_id = a.id and ${inPeriod(sql`d.date`)} and d.status = 'leave') as integer) as leave,
      cast((select count(*) from attendance_days d where d.assignment_id = a.id and ${inPeriod(sql`d.date`)} and d.status = 'absent') as integer) as absent,
      cast((select count(*) from spot_check_results r join spot_checks c on c.id = r.spot_check_id where r.assignment_id = a.id and ${inPeriod(sql`c.date`)}) as integer) as checks,
      cast((select count(*) from spot_check_results r join spot_checks c on c.id = r.spot_check_id where r.assignment_id = a.id and ${inPeriod(sql`c.date`)} and r.result = 'present') as integer) as present,
      cast((select count(*) from spot_check_results r join spot_checks c on c.id = r.spot_check_id where r.assignment_id = a.id and ${inPeriod(sql`c.date`)} and r.result = 'absent') as integer) as check_absent,
      cast((select count(*) from spot_check_results r join spot_checks c on c.id = r.spot_check_id where r.assignment_id = a.id and ${inPeriod(sql`c.date`)} and r.result = 'on_leave') as integer) as check_leave,
      cast((select count(*) from activities t where t.assignment_id = a.id and ${inPeriod(sql`t.date`)}) as integer) as activities,
      cast((select count(*) from quarterly_reports q where q.assignment_id = a.id and q.quarter = ${p.quarter ?? ''}) as integer) as task_reports
    from assignments a where a.id in (${list(ids)})`));
  return new Map(rows.map((r) => [r.assignment_id, r]));
}

export interface CountyPairingRow {
  pairing_id: string; recipient_org_id: string; recipient_name: string; recipient_path: string | null; support_org_id: string; support_name: string;
  position: number; policy_code: string; county_code: string | null; county_name: string | null;
}

/**
 * Pairing × support unit of the recipients lying in an area (a county, or all counties of a
 * prefecture), live and valid at some time in [from, to].
 */
export async function listPairingUnitsIn(db: DbOrTx, f: { path: string; from: string; to: string }): Promise<CountyPairingRow[]> {
  return rowsOf<CountyPairingRow>(await db.execute(sql`
    select p.id as pairing_id, p.recipient_org_id, ro.name as recipient_name, rr.path as recipient_path, s.org_id as support_org_id, so.name as support_name,
           s.position, pg.policy_code, rr.code as county_code, rr.name as county_name
    from pairings p
    join programmes pg on pg.id = p.programme_id
    join pairing_support_units s on s.pairing_id = p.id
    join organisations so on so.id = s.org_id
    join organisations ro on ro.id = p.recipient_org_id join regions rr on rr.code = ro.region_code
    where p.archived_at is null and pg.archived_at is null and rr.path like ${like(f.path)}
      and (coalesce(p.valid_from, pg.valid_from) is null or coalesce(p.valid_from, pg.valid_from) <= ${f.to})
      and (coalesce(p.valid_to, pg.valid_to) is null or coalesce(p.valid_to, pg.valid_to) >= ${f.from})
    order by rr.path, ro.name, s.position`));
}

/** Per pairing × support unit: the year's agreements signed by both by `to`, visits in [from, to] and those led by the leadership. */
export async function countPairingUnitRecords(db: DbOrTx, pairingIds: readonly string[], p: { from: string; to: string; year: number }) {
  if (pairingIds.length === 0) return { agreements: [], visits: [] };
  const agreements = rowsOf<{ pairing_id: string; support_org_id: string; signed_on: string }>(await db.execute(sql`
    select g.pairing_id, g.support_org_id, greatest(g.support_signed_on, g.recipient_signed_on)::text as signed_on from agreements g
    where g.pairing_id in (${list(pairingIds)}) and g.year = ${p.year}
      and g.support_signed_on is not null and g.recipient_signed_on is not null and greatest(g.support_signed_on, g.recipient_signed_on) <= ${p.to}`));
  const visits = rowsOf<{ pairing_id: string; support_org_id: string; visits: number; led: number }>(await db.execute(sql`
    select v.pairing_id, v.support_org_id, cast(count(*) as integer) as visits, cast(count(*) filter (where v.led_by_leadership) as integer) as led
    from leadership_visits v where v.pairing_id in (${list(pairingIds)}) and v.date between ${p.from} and ${p.to}
    group by v.pairing_id, v.support_org_id`));
  return { agreements, visits };
}

/** Policy codes of the programmes an office sees (for the periods list), or those a unit takes part in. */
export async function listPolicyCodesVisible(db: DbOrTx, programmeIds: SQL): Promise<string[]> {
  const rows = rowsOf<{ code: string }>(await db.execute(sql`
    select distinct pg.policy_code as code from programmes pg where pg.archived_at is null and pg.id in (${programmeIds}) order by 1`));
  return rows.map((r) => r.code);
}

// ── The reports ───────────────────────────────────────────────────────────────

/** What an actor may see: its own unit's reports; reports addressed to it or from its area once sent (drafts stay the submitter's). */
export function visibleReports(actor: Actor, box?: 'mine' | 'received'): SQL {
  const mine = sql`${statutoryReports.submitterOrgId} = ${actor.orgId}`;
  const s = actor.scope;
  const area = s.kind === 'all' ? sql`true`
    : s.kind === 'region' ? sql`(${statutoryReports.receiverOrgId} = ${actor.orgId} or ${statutoryReports.regionPath} like ${like(s.regionPath)})`
      : sql`${statutoryReports.receiverOrgId} = ${actor.orgId}`;
  const received = sql`(${statutoryReports.status} <> 'draft' and ${area} and ${statutoryReports.submitterOrgId} <> ${actor.orgId})`;
  if (box === 'mine') return mine;
  if (box === 'received') return received;
  return sql`(${mine} or ${received})`;
}

export async function listReports(db: DbOrTx, actor: Actor, q: { kind?: string | undefined; period?: string | undefined; status?: string | undefined; box?: 'mine' | 'received' | undefined; q?: string | undefined; limit: number; offset: number }) {
  const rows = await db.select({ r: statutoryReports, total: totalCount }).from(statutoryReports)
    .innerJoin(organisations, eq(organisations.id, statutoryReports.submitterOrgId))
    .where(allOf([
      visibleReports(actor, q.box),
      sql`${statutoryReports.archivedAt} is null`,
      q.kind && eq(statutoryReports.kind, q.kind),
      q.period && eq(statutoryReports.period, q.period),
      q.status && eq(statutoryReports.status, q.status),
      q.q && sql`${organisations.name} like ${`%${q.q}%`}`,
    ]))
    .orderBy(desc(statutoryReports.period), organisations.name).limit(q.limit).offset(q.offset);
  return { rows: rows.map((x) => x.r), total: rows[0]?.total ?? 0 };
}

export async function findReport(db: DbOrTx, actor: Actor, id: string): Promise<ReportRow | undefined> {
  const [row] = await db.select().from(statutoryReports).where(and(eq(statutoryReports.id, id), visibleReports(actor), sql`${statutoryReports.archivedAt} is null`));
  return row;
}

export async function findReportOf(db: DbOrTx, kind: string, period: string, submitterOrgId: string): Promise<ReportRow | undefined> {
  const [row] = await db.select().from(statutoryReports)
    .where(and(eq(statutoryReports.kind, kind), eq(statutoryReports.period, period), eq(statutoryReports.submitterOrgId, submitterOrgId)));
  return row;
}

/** Reports of a period addressed to a receiver or sent by the given submitters. */
export async function listReportsOfPeriod(db: DbOrTx, kind: string, period: string, receiverOrgId: string, submitterIds: readonly string[]): Promise<ReportRow[]> {
  return db.select().from(statutoryReports).where(and(
    eq(statutoryReports.kind, kind), eq(statutoryReports.period, period), sql`${statutoryReports.archivedAt} is null`,
    submitterIds.length > 0
      ? sql`(${statutoryReports.receiverOrgId} = ${receiverOrgId} or ${statutoryReports.submitterOrgId} in (${list(submitterIds)}))`
      : eq(statutoryReports.receiverOrgId, receiverOrgId),
  ));
}

export async function regionNames(db: DbOrTx, codes: readonly string[]): Promise<Map<string, string>> {
  const unique = [...new Set(codes)];
  if (unique.length === 0) return new Map();
  const rows = await db.select({ code: regions.code, name: regions.name }).from(regions).where(sql`${regions.code} in (${list(unique)})`);
  return new Map(rows.map((r) => [r.code, r.name]));
}

export async function orgNames(db: DbOrTx, ids: readonly string[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await db.select({ id: organisations.id, name: organisations.name }).from(organisations).where(sql`${organisations.id} in (${list(unique)})`);
  return new Map(rows.map((r) => [r.id, r.name]));
}

export async function insertReport(db: DbOrTx, v: typeof statutoryReports.$inferInsert): Promise<string> {
  const [row] = await db.insert(statutoryReports).values(v).returning({ id: statutoryReports.id });
  return row!.id;
}

/**
 * Changes a report only while it is still in one of the `expected` states (the state the caller
 * checked): a concurrent submit, send-back or accept makes this answer false instead of overwriting.
 */
export async function updateReport(db: DbOrTx, id: string, expected: readonly string[], set: Partial<typeof statutoryReports.$inferInsert>): Promise<boolean> {
  const rows = await db.update(statutoryReports).set(set)
    .where(and(eq(statutoryReports.id, id), inArray(statutoryReports.status, [...expected]))).returning({ id: statutoryReports.id });
  return rows.length > 0;
}
