import { sql, type SQL } from 'drizzle-orm';
import { rowsOf, type DbOrTx } from '@duikou/db';
import type { ComparisonLevel } from '@duikou/contracts';
import type { Scope } from '../../core/actor.js';
import { visiblePairingIds } from '../../core/scope.sql.js';
import { uuidArray } from '../../core/sql-ids.js';

/**
 * Aggregate queries of the dashboard. Each reads the assignments of the area shown once (`sa`), keyed by
 * the child the comparison shows (a region, a unit, or the assignment itself), and reads attendance by
 * date range only (primary key (assignment_id, date), index on date): `grouping sets` give the totals
 * and the per-child rows in one pass.
 */

export interface Breakdown {
  /** Comparison level and, for regions and units, the path of the area whose children are compared. */
  level: ComparisonLevel;
  path: string;
}

/** Which child of the area an assignment counts for: its recipient if that lies in the area, else its support unit. */
function keyOf(b: Breakdown): SQL {
  const like = `${b.path}%`;
  if (b.level === 'person') return sql`a.id::text`;
  if (b.level === 'unit') {
    return sql`case when rr.path like ${like} then p.recipient_org_id::text when sr.path like ${like} then a.support_org_id::text else p.recipient_org_id::text end`;
  }
  const local = sql`case when rr.path like ${like} then rr.path when sr.path like ${like} then sr.path end`;
  return sql`coalesce(nullif(split_part(substr(${local}, ${b.path.length + 1}), '/', 1), ''), case when ${local} is null then '_outside' else '_self' end)`;
}

/** Assignments the scope sees, as the assignment list does: an office those of its pairings, a unit those it sends or receives. */
function scopeFilter(scope: Scope): SQL {
  if (scope.kind === 'all') return sql`true`;
  if (scope.kind === 'unit') return sql`(a.support_org_id = ${scope.orgId} or p.recipient_org_id = ${scope.orgId})`;
  return sql`a.pairing_id in (${visiblePairingIds(scope)})`;
}

function scoped(scope: Scope, b: Breakdown): SQL {
  return sql`select a.id, a.person_id, a.mode, a.status, p.recipient_org_id, a.support_org_id, rr.path as region_path,
      coalesce(a.actual_start, a.planned_start) as s, coalesce(a.actual_end, a.planned_end) as e, ${keyOf(b)} as k
    from assignments a join pairings p on p.id = a.pairing_id
    join organisations ro on ro.id = p.recipient_org_id left join regions rr on rr.code = ro.region_code
    join organisations so on so.id = a.support_org_id left join regions sr on sr.code = so.region_code
    where a.archived_at is null and ${scopeFilter(scope)}`;
}

export interface TodayRow { k: string | null; total: boolean; dispatched: number; on_post: number; on_leave: number; absent: number; not_checked_in: number }

/** Persons whose assignment runs today, by today's attendance and approved leave; `total` marks the all-children row. */
export async function countToday(db: DbOrTx, scope: Scope, b: Breakdown, today: string): Promise<TodayRow[]> {
  return rowsOf<TodayRow>(await db.execute(sql`
    with sa as (${scoped(scope, b)}),
    -- Today's days once, through the date index, then hashed: a probe per assignment costs more in a province.
    d as materialized (select assignment_id, status from attendance_days where date = ${today}),
    t as (
      select sa.k, sa.person_id, sa.mode, d.status as day,
        exists (select 1 from leave_requests l where l.assignment_id = sa.id and l.status = 'approved' and l.start_date <= ${today} and l.end_date >= ${today}) as leave_ok
      from sa left join d on d.assignment_id = sa.id
      where sa.status in ('planned', 'on_duty') and sa.s <= ${today} and sa.e >= ${today}
    )
    select k, grouping(k) = 1 as total,
      cast(count(distinct person_id) as integer) as dispatched,
      cast(count(distinct person_id) filter (where day in ('on_duty', 'official_business')) as integer) as on_post,
      cast(count(distinct person_id) filter (where day = 'leave' or (leave_ok and day is distinct from 'on_duty' and day is distinct from 'official_business')) as integer) as on_leave,
      cast(count(distinct person_id) filter (where day = 'absent') as integer) as absent,
      cast(count(distinct person_id) filter (where day is null and not leave_ok and mode = 'resident') as integer) as not_checked_in
    from t group by grouping sets ((k), ())`));
}

export interface PeriodRow { k: string | null; month: string | null; on_site: number; leave: number; absences: number }

/**
 * Attendance days (on site, leave) and spot-check absences from `from` to `to`: per month and per child.
 * From a month's first day, whole months come from the monthly totals a trigger keeps (DECISIONS 22),
 * less the days after `to` in its month (leave approved ahead fills future days): both reads use an
 * index and stay small however many days the area holds. Another start reads the days themselves.
 * Months are grouped as dates and named after grouping (naming each of a province's 130,000 rows cost a third).
 */
export async function countPeriod(db: DbOrTx, scope: Scope, b: Breakdown, from: string, to: string): Promise<PeriodRow[]> {
  const byTotals = from.endsWith('-01') && from <= to;
  const monthOfTo = `${to.slice(0, 7)}-01`;
  const [y, m] = [Number(to.slice(0, 4)), Number(to.slice(5, 7))];
  const lastOfMonth = new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
  const days = (since: string, until: string, sign: 1 | -1) => db.execute(sql`
    with sa as (${scoped(scope, b)})
    select sa.k, to_char(d.date, 'YYYY-MM') as month,
      ${sign} * cast(count(*) filter (where d.status in ('on_duty', 'official_business')) as integer) as on_site,
      ${sign} * cast(count(*) filter (where d.status = 'leave') as integer) as leave, 0 as absences
    from sa join attendance_days d on d.assignment_id = sa.id
    where d.date >= ${since} and d.date <= ${until} and sa.s <= ${to} and sa.e >= ${from}
    group by grouping sets ((sa.k), (to_char(d.date, 'YYYY-MM')))`);
  // Three statements side by side: one reading the area's assignments once ran longer (the filters could not reach inside it).
  const [counted, ahead, checks] = await Promise.all([
    byTotals
      ? db.execute(sql`
        with sa as (${scoped(scope, b)})
        select sa.k, to_char(t.month, 'YYYY-MM') as month, cast(sum(t.on_site) as integer) as on_site, cast(sum(t.leave) as integer) as leave, 0 as absences
        from sa join attendance_month_totals t on t.assignment_id = sa.id
        where t.month >= ${from} and t.month <= ${monthOfTo} and sa.s <= ${to} and sa.e >= ${from}
        group by grouping sets ((sa.k), (t.month))`)
      : days(from, to, 1),
    // The days of `to`'s month after `to` that the month's total already holds.
    byTotals && to < lastOfMonth ? days(nextDay(to), lastOfMonth, -1) : Promise.resolve({ rows: [] }),
    db.execute(sql`
      with sa as (${scoped(scope, b)})
      select sa.k, to_char(c.date, 'YYYY-MM') as month, 0 as on_site, 0 as leave, cast(count(*) as integer) as absences
      from spot_checks c join spot_check_results r on r.spot_check_id = c.id join sa on sa.id = r.assignment_id
      where c.date >= ${from} and c.date <= ${to} and r.result = 'absent'
      group by grouping sets ((sa.k), (to_char(c.date, 'YYYY-MM')))`),
  ]);
  return [...rowsOf<PeriodRow>(counted), ...rowsOf<PeriodRow>(ahead), ...rowsOf<PeriodRow>(checks)];
}

const nextDay = (d: string): string => new Date(Date.parse(`${d}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

export interface JudgedRow {
  k: string | null; total: boolean; unmet: number; at_risk: number; skipped: number;
  /** On the `total` row: an example of each status (the first by start date), to explain it. */
  first_unmet?: string | null; first_at_risk?: string | null; first_skipped?: string | null;
  /** On the `total` row: the assignments planned or on duty with no judgement cached today (new, or changed since), to judge. */
  unjudged?: string[] | null;
}

/**
 * The on-site judgements cached today, per child and in all (`skipped`: could not be judged, e.g. no
 * calendar), with an example of each status and the assignments not judged yet on the total row. One
 * pass over the area: reading the examples and the unjudged apart read the area's assignments three
 * times (at a province, ≈ 150 ms of the database's time).
 */
export async function countJudged(db: DbOrTx, scope: Scope, b: Breakdown, today: string, opts: LastKnown = {}): Promise<JudgedRow[]> {
  const first = (status: string) => sql`case when grouping(sa.k) = 1 then (array_agg(ap.assignment_id::text order by sa.s, sa.id) filter (where ap.status = ${status}))[1] end`;
  return rowsOf<JudgedRow>(await db.execute(sql`
    with sa as materialized (${scoped(scope, b)}), ap as materialized (${judgedOn(today, opts)})
    select sa.k, grouping(sa.k) = 1 as total,
      cast(count(*) filter (where ap.status = 'unmet') as integer) as unmet, cast(count(*) filter (where ap.status = 'at_risk') as integer) as at_risk,
      cast(count(*) filter (where ap.status = 'skipped') as integer) as skipped,
      ${first('unmet')} as first_unmet, ${first('at_risk')} as first_at_risk, ${first('skipped')} as first_skipped,
      case when grouping(sa.k) = 1 then array_agg(sa.id::text) filter (where ap.assignment_id is null) end as unjudged
    from sa left join ap on ap.assignment_id = sa.id
    where sa.status in ('planned', 'on_duty')
    group by grouping sets ((sa.k), ())
    having grouping(sa.k) = 1 or count(*) filter (where ap.status in ('unmet', 'at_risk', 'skipped')) > 0`));
}

/**
 * `lastKnownExcept`: count an assignment's last verdict even if its records changed since (a stale one,
 * DECISIONS 34), but for these assignments, which must be judged today.
 */
export interface LastKnown { lastKnownExcept?: readonly string[] }

/**
 * Today's cached judgements (or the last known ones), read once by their index. The cache churns all
 * day, so its statistics lag: both sides are materialised so that no plan chosen on them runs the
 * area's filter once per assignment. A row being computed (no status yet) counts as not judged.
 */
const judgedOn = (today: string, opts: LastKnown = {}) =>
  sql`select ap.assignment_id, ap.status from assignment_progress ap where ap.status is not null and ${countable(today, opts)}`;

/** A cached verdict that counts: today's, or (with `lastKnownExcept`) the last known one of an assignment not named. */
const countable = (today: string, opts: LastKnown) => (opts.lastKnownExcept
  ? sql`(ap.as_of = ${today} or ap.assignment_id <> all(${uuidArray(opts.lastKnownExcept)}))`
  : sql`ap.as_of = ${today}`);

/** Today's names of an assignment's person, units and programme (a cached judgement keeps those it was judged with). */
export interface CurrentNames { personName: string; supportOrgName: string; recipientOrgName: string; programmeName: string }

/** The cached judgements (with the engine's explanation) of these assignments today, with today's names. */
export async function readJudged<T>(db: DbOrTx, ids: readonly string[], today: string, opts: LastKnown = {}): Promise<{ status: string; progress: T; names: CurrentNames }[]> {
  if (ids.length === 0) return [];
  const rows = rowsOf<{ status: string; progress: T; person_name: string; support_name: string; recipient_name: string; programme_name: string }>(await db.execute(sql`
    select ap.status, ap.progress, pe.name as person_name, so.name as support_name, ro.name as recipient_name, pr.name as programme_name
    from assignment_progress ap join assignments a on a.id = ap.assignment_id join persons pe on pe.id = a.person_id
      join organisations so on so.id = a.support_org_id join pairings p on p.id = a.pairing_id
      join organisations ro on ro.id = p.recipient_org_id join programmes pr on pr.id = p.programme_id
    where ap.assignment_id = any(${uuidArray(ids)}) and ap.status is not null and ${countable(today, opts)}`));
  return rows.map((r) => ({
    status: r.status, progress: r.progress,
    names: { personName: r.person_name, supportOrgName: r.support_name, recipientOrgName: r.recipient_name, programmeName: r.programme_name },
  }));
}

/** What writes of traceable kinds touched: the assignments (with their person and pairing unit), the pairing units written and the units that checked. */
export interface Touched {
  /** `via`: named by an assignment's write, under a pairing written (all its assignments), or covered by a spot check's. */
  assignments: { id: string; person_id: string; support_org_id: string; recipient_org_id: string; via: 'assignment' | 'pairing' | 'spot_check' | 'leave' }[];
  /** The units of each pairing written, as they are now (its kept rows, as they were, are known by the pairing's id). */
  pairingUnits: { pairing_id: string; support_org_id: string; recipient_org_id: string }[];
  checkerOrgIds: string[];
  /** Every assignment, pairing and spot check named was found (one deleted since cannot be traced). */
  complete: boolean;
}

/**
 * The assignments an assignment or leave write names, a pairing write holds (an assignment never changes its
 * pairing, so they are the same before and after) or a spot check covers; the pairing units written;
 * and the units that made those checks.
 */
export async function traceWrites(db: DbOrTx, writes: readonly { kind: string; id: string | null }[]): Promise<Touched> {
  const idsOf = (kind: string) => [...new Set(writes.filter((w) => w.kind === kind && w.id).map((w) => w.id!.toLowerCase()))];
  const [assignmentIds, pairingIds, checkIds, leaveIds] = [idsOf('assignment'), idsOf('pairing'), idsOf('spot_check'), idsOf('leave')];
  const [aParam, pParam, cParam, lParam] = [assignmentIds, pairingIds, checkIds, leaveIds].map(uuidArray);
  const [assignments, units, checks, leaves] = await Promise.all([
    db.execute(sql`
      select a.id, a.person_id, a.support_org_id, p.recipient_org_id, 'assignment' as via from assignments a join pairings p on p.id = a.pairing_id
      where a.id = any(${aParam})
      union all
      select a.id, a.person_id, a.support_org_id, p.recipient_org_id, 'pairing' as via from assignments a join pairings p on p.id = a.pairing_id
      where a.pairing_id = any(${pParam})
      union all
      select a.id, r.person_id, a.support_org_id, p.recipient_org_id, 'spot_check' as via
      from spot_check_results r join assignments a on a.id = r.assignment_id join pairings p on p.id = a.pairing_id
      where r.spot_check_id = any(${cParam})`),
    db.execute(sql`
      select p.id as pairing_id, s.org_id as support_org_id, p.recipient_org_id from pairings p join pairing_support_units s on s.pairing_id = p.id
      where p.id = any(${pParam})`),
    db.execute(sql`select id, by_org_id from spot_checks where id = any(${cParam})`),
    db.execute(sql`
      select l.id as leave_id, a.id, a.person_id, a.support_org_id, p.recipient_org_id, 'leave' as via
      from leave_requests l join assignments a on a.id = l.assignment_id join pairings p on p.id = a.pairing_id
      where l.id = any(${lParam})`),
  ]);
  const leaveRows = rowsOf<Touched['assignments'][number] & { leave_id: string }>(leaves);
  const found = [...rowsOf<Touched['assignments'][number]>(assignments), ...leaveRows.map(({ leave_id: _, ...a }) => a)];
  const pairingUnits = rowsOf<Touched['pairingUnits'][number]>(units);
  const checkRows = rowsOf<{ id: string; by_org_id: string }>(checks);
  const foundIds = new Set(found.filter((a) => a.via === 'assignment').map((a) => a.id));
  const foundPairings = new Set(pairingUnits.map((u) => u.pairing_id));
  return {
    assignments: found, pairingUnits, checkerOrgIds: [...new Set(checkRows.map((c) => c.by_org_id))],
    complete: assignmentIds.every((id) => foundIds.has(id)) && pairingIds.every((id) => foundPairings.has(id)) && checkRows.length === checkIds.length
      && leaveRows.length === leaveIds.length,
  };
}

export interface PendingLeaveRow {
  id: string; start_date: string; created_at: Date | string; approvals_required: { party: string; label: string }[]; parties: string[];
  last_at: Date | string | null; recipient_org_id: string; support_org_id: string; region_path: string | null; person_name: string;
}

/** Leave requests still waiting for a decision, with the steps already decided. */
export async function listPendingLeave(db: DbOrTx, scope: Scope, b: Breakdown): Promise<PendingLeaveRow[]> {
  return rowsOf<PendingLeaveRow>(await db.execute(sql`
    with sa as (${scoped(scope, b)})
    select l.id, l.start_date::text as start_date, l.created_at, l.approvals_required, pe.name as person_name,
      coalesce((select json_agg(x.party) from leave_decisions x where x.leave_id = l.id), '[]'::json) as parties,
      (select max(x.decided_at) from leave_decisions x where x.leave_id = l.id) as last_at,
      sa.recipient_org_id, sa.support_org_id, sa.region_path
    from leave_requests l join sa on sa.id = l.assignment_id join persons pe on pe.id = sa.person_id
    where l.status = 'pending'
    order by l.start_date, l.created_at`));
}

/** Which of these assignments are still planned or on duty (a consequence of a finished one is history). */
export async function listCurrent(db: DbOrTx, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = rowsOf<{ id: string }>(await db.execute(sql`
    select id from assignments where id in (${sql.join(ids.map((id) => sql`${id}::uuid`), sql`, `)}) and status in ('planned', 'on_duty')`));
  return new Set(rows.map((r) => r.id));
}

export interface RegionRow { code: string; name: string; level: string; path: string; parent_code: string | null }

export async function findRegion(db: DbOrTx, code: string): Promise<RegionRow | undefined> {
  return rowsOf<RegionRow>(await db.execute(sql`select code, name, level, path, parent_code from regions where code = ${code}`))[0];
}

/** Regions on the way from the top down to `path` (its prefixes), top first. */
export async function listRegionChain(db: DbOrTx, path: string): Promise<RegionRow[]> {
  const codes = path.split('/').filter(Boolean);
  if (codes.length === 0) return [];
  return rowsOf<RegionRow>(await db.execute(sql`
    select code, name, level, path, parent_code from regions where code in (${sql.join(codes.map((c) => sql`${c}`), sql`, `)}) order by length(path)`));
}

/** The regions just below one (or the top level). */
export async function listChildRegions(db: DbOrTx, parentCode: string | null): Promise<RegionRow[]> {
  return rowsOf<RegionRow>(await db.execute(parentCode
    ? sql`select code, name, level, path, parent_code from regions where parent_code = ${parentCode} order by code`
    : sql`select code, name, level, path, parent_code from regions where parent_code is null order by code`));
}

export interface OrgRow { id: string; name: string; region_code: string | null; region_path: string | null }

export async function findOrganisation(db: DbOrTx, id: string): Promise<OrgRow | undefined> {
  return rowsOf<OrgRow>(await db.execute(sql`
    select o.id, o.name, o.region_code, r.path as region_path from organisations o left join regions r on r.code = o.region_code where o.id = ${id}`))[0];
}

export async function listOrganisations(db: DbOrTx, ids: readonly string[]): Promise<OrgRow[]> {
  if (ids.length === 0) return [];
  return rowsOf<OrgRow>(await db.execute(sql`
    select o.id, o.name, o.region_code, r.path as region_path from organisations o left join regions r on r.code = o.region_code
    where o.id in (${sql.join(ids.map((id) => sql`${id}::uuid`), sql`, `)}) order by o.name`));
}

/** Person rows of a unit: each assignment with its person and the other party. */
export async function listAssignmentNames(db: DbOrTx, ids: readonly string[]): Promise<{ id: string; person_name: string; recipient_name: string; support_name: string }[]> {
  if (ids.length === 0) return [];
  return rowsOf(await db.execute(sql`
    select a.id, pe.name as person_name, ro.name as recipient_name, so.name as support_name
    from assignments a join persons pe on pe.id = a.person_id join pairings p on p.id = a.pairing_id
    join organisations ro on ro.id = p.recipient_org_id join organisations so on so.id = a.support_org_id
    where a.id in (${sql.join(ids.map((id) => sql`${id}::uuid`), sql`, `)}) order by pe.name`));
}

/** Whether a region has regions below it (a county does not: its children are units). */
export async function hasChildRegions(db: DbOrTx, code: string): Promise<boolean> {
  return rowsOf(await db.execute(sql`select 1 from regions where parent_code = ${code} limit 1`)).length > 0;
}
