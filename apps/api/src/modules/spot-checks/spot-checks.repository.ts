import { aliasedTable, and, asc, desc, eq, inArray, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import {
  assignments, leaveRequests, organisations, pairings, persons, programmes, sanctions, spotCheckResults, spotChecks, type DbOrTx,
} from '@duikou/db';
import type { SanctionListQuery, SpotCheckListQuery } from '@duikou/contracts';
import { ROLL_CALL_TIMEOUT_REASON } from '@duikou/contracts';
import type { Scope } from '../../core/actor.js';
import { allOf, pageOf, totalCount } from '../../core/pagination.js';
import { inIds } from '../../core/sql-ids.js';
import { visibleOrganisationIds, visiblePairingIds } from '../../core/scope.sql.js';

const byOrg = aliasedTable(organisations, 'by_org');
const supportOrg = aliasedTable(organisations, 'support_org');
const recipientOrg = aliasedTable(organisations, 'recipient_org');

/**
 * Who is reading: the data scope, plus `personId` for a dispatched person's own account — staff and
 * team leaders see only the checks that sampled them, and only their own result in them.
 */
export interface Viewer { scope: Scope; personId: string | null; ownOnly: boolean }

const like = (path: string) => `${path}%`;

/** Assignments a scope sees (as in the assignments module): an office those under its pairings; a unit its staff's and those sent to it. */
function assignmentVisible(scope: Scope): SQL | undefined {
  if (scope.kind === 'all') return undefined;
  if (scope.kind === 'unit') return sql`(${assignments.supportOrgId} = ${scope.orgId} or ${pairings.recipientOrgId} = ${scope.orgId})`;
  return sql`${assignments.pairingId} in (${visiblePairingIds(scope)})`;
}

/** Result rows a viewer sees; the query must join assignments and pairings. */
function resultVisible(v: Viewer): SQL | undefined {
  if (v.ownOnly) return v.personId ? eq(spotCheckResults.personId, v.personId) : sql`false`;
  return assignmentVisible(v.scope);
}

/**
 * Spot checks a viewer sees: an office those made in its area or that sampled staff under its pairings;
 * a unit those it made or that sampled its staff (or staff posted to it); a dispatched person those that sampled them.
 */
function spotCheckVisible(v: Viewer): SQL | undefined {
  const s = v.scope;
  if (v.ownOnly) {
    return v.personId ? sql`exists (select 1 from spot_check_results vr where vr.spot_check_id = ${spotChecks.id} and vr.person_id = ${v.personId})` : sql`false`;
  }
  if (s.kind === 'all') return undefined;
  if (s.kind === 'unit') {
    return sql`(${spotChecks.byOrgId} = ${s.orgId} or exists (select 1 from spot_check_results vr join assignments va on va.id = vr.assignment_id
      join pairings vp on vp.id = va.pairing_id where vr.spot_check_id = ${spotChecks.id} and (va.support_org_id = ${s.orgId} or vp.recipient_org_id = ${s.orgId})))`;
  }
  return sql`(${spotChecks.regionPath} like ${like(s.regionPath)} or exists (select 1 from spot_check_results vr join assignments va on va.id = vr.assignment_id
    where vr.spot_check_id = ${spotChecks.id} and va.pairing_id in (${visiblePairingIds(s)})))`;
}

/** A sampled result matching the list filters (person, support unit, recipient). */
function sampledWhere(parts: SQL[]): SQL {
  return sql`exists (select 1 from spot_check_results fr join assignments fa on fa.id = fr.assignment_id join pairings fp on fp.id = fa.pairing_id
    where fr.spot_check_id = ${spotChecks.id} and ${sql.join(parts, sql` and `)})`;
}

export type SpotCheckRow = typeof spotChecks.$inferSelect & { byOrgName: string };

export async function listSpotChecks(db: DbOrTx, v: Viewer, q: SpotCheckListQuery): Promise<{ rows: SpotCheckRow[]; total: number }> {
  const sampled = [
    q.personId && sql`fr.person_id = ${q.personId}`,
    q.supportOrgId && sql`fa.support_org_id = ${q.supportOrgId}`,
    q.recipientOrgId && sql`fp.recipient_org_id = ${q.recipientOrgId}`,
  ].filter((p): p is SQL => !!p);
  const rows = await db.select({ sc: spotChecks, byOrgName: byOrg.name, total: totalCount }).from(spotChecks)
    .innerJoin(byOrg, eq(byOrg.id, spotChecks.byOrgId))
    .where(allOf([
      spotCheckVisible(v),
      q.method && eq(spotChecks.method, q.method),
      q.from && sql`${spotChecks.date} >= ${q.from}`,
      q.to && sql`${spotChecks.date} <= ${q.to}`,
      q.byOrgId && eq(spotChecks.byOrgId, q.byOrgId),
      sampled.length > 0 && sampledWhere(sampled),
    ]))
    .orderBy(desc(spotChecks.date), desc(spotChecks.createdAt))
    .limit(pageOf(q).limit).offset(pageOf(q).offset);
  return { rows: rows.map((r) => ({ ...r.sc, byOrgName: r.byOrgName })), total: rows[0]?.total ?? 0 };
}

export async function findSpotCheck(db: DbOrTx, v: Viewer, id: string): Promise<SpotCheckRow | undefined> {
  const [row] = await db.select({ sc: spotChecks, byOrgName: byOrg.name }).from(spotChecks)
    .innerJoin(byOrg, eq(byOrg.id, spotChecks.byOrgId))
    .where(and(eq(spotChecks.id, id), spotCheckVisible(v)));
  return row ? { ...row.sc, byOrgName: row.byOrgName } : undefined;
}

/** Results per check, status and review flag, among those the viewer sees (for the list's counts). */
export async function countResults(db: DbOrTx, v: Viewer, ids: string[]) {
  if (ids.length === 0) return [];
  return db.select({ spotCheckId: spotCheckResults.spotCheckId, result: spotCheckResults.result, reviewed: spotCheckResults.reviewed, n: sql<number>`cast(count(*) as integer)` })
    .from(spotCheckResults)
    .innerJoin(assignments, eq(assignments.id, spotCheckResults.assignmentId))
    .innerJoin(pairings, eq(pairings.id, assignments.pairingId))
    .where(and(inArray(spotCheckResults.spotCheckId, ids), resultVisible(v)))
    .groupBy(spotCheckResults.spotCheckId, spotCheckResults.result, spotCheckResults.reviewed);
}

export interface ResultRow {
  r: typeof spotCheckResults.$inferSelect;
  personName: string; supportOrgId: string; supportOrgName: string; recipientOrgId: string; recipientOrgName: string; department: string;
}

export async function listResults(db: DbOrTx, v: Viewer, spotCheckId: string, assignmentId?: string): Promise<ResultRow[]> {
  return db.select({
    r: spotCheckResults, personName: persons.name, supportOrgId: assignments.supportOrgId, supportOrgName: supportOrg.name,
    recipientOrgId: pairings.recipientOrgId, recipientOrgName: recipientOrg.name, department: assignments.department,
  }).from(spotCheckResults)
    .innerJoin(assignments, eq(assignments.id, spotCheckResults.assignmentId))
    .innerJoin(pairings, eq(pairings.id, assignments.pairingId))
    .innerJoin(persons, eq(persons.id, spotCheckResults.personId))
    .innerJoin(supportOrg, eq(supportOrg.id, assignments.supportOrgId))
    .innerJoin(recipientOrg, eq(recipientOrg.id, pairings.recipientOrgId))
    .where(and(eq(spotCheckResults.spotCheckId, spotCheckId), assignmentId ? eq(spotCheckResults.assignmentId, assignmentId) : undefined, resultVisible(v)))
    .orderBy(asc(supportOrg.name), asc(persons.name), asc(spotCheckResults.assignmentId));
}

/** Where a sample may be drawn from: the staff a scope may check (a support unit: its own staff only). */
export type PopulationScope = { kind: 'all' } | { kind: 'region'; regionPath: string } | { kind: 'unit'; orgId: string };
export interface PopulationFilter { date: string; programmeId: string | null; supportOrgId: string | null; recipientOrgId: string | null }

/** Assignments on post on the date (planned or on duty, the date within the term), ordered by id: the population a sample is drawn from. */
export async function findPopulation(db: DbOrTx, scope: PopulationScope, f: PopulationFilter): Promise<{ id: string; personId: string }[]> {
  return db.select({ id: assignments.id, personId: assignments.personId }).from(assignments)
    .innerJoin(pairings, eq(pairings.id, assignments.pairingId))
    .where(allOf([
      scope.kind === 'unit' ? eq(assignments.supportOrgId, scope.orgId) : scope.kind === 'region' ? sql`${assignments.pairingId} in (${visiblePairingIds(scope)})` : undefined,
      sql`${assignments.archivedAt} is null`,
      sql`${assignments.status} in ('planned', 'on_duty')`,
      sql`${assignments.plannedStart} <= ${f.date} and coalesce(${assignments.actualEnd}, ${assignments.plannedEnd}) >= ${f.date}`,
      f.programmeId && eq(pairings.programmeId, f.programmeId),
      f.supportOrgId && eq(assignments.supportOrgId, f.supportOrgId),
      f.recipientOrgId && eq(pairings.recipientOrgId, f.recipientOrgId),
    ]))
    .orderBy(asc(assignments.id));
}

export async function insertSpotCheck(db: DbOrTx, values: typeof spotChecks.$inferInsert, results: { assignmentId: string; personId: string }[]): Promise<string> {
  const [row] = await db.insert(spotChecks).values(values).returning({ id: spotChecks.id });
  await db.insert(spotCheckResults).values(results.map((r) => ({ spotCheckId: row!.id, assignmentId: r.assignmentId, personId: r.personId, result: 'pending' })));
  return row!.id;
}

export async function updateResult(db: DbOrTx, spotCheckId: string, assignmentId: string, set: Partial<typeof spotCheckResults.$inferInsert>): Promise<void> {
  await db.update(spotCheckResults).set(set).where(and(eq(spotCheckResults.spotCheckId, spotCheckId), eq(spotCheckResults.assignmentId, assignmentId)));
}

/** Ends a roll call now (a deadline already past stays as it was). */
export async function endRollCall(db: DbOrTx, id: string, now: Date): Promise<void> {
  await db.update(spotChecks).set({ rollCallDeadline: sql`least(${spotChecks.rollCallDeadline}, ${now.toISOString()}::timestamptz)` }).where(eq(spotChecks.id, id));
}

/**
 * Pending roll-call results whose deadline has passed become absent with 「点名超时未应答」, not yet
 * reviewed. Returns the rows changed (none, almost always).
 */
export async function closeOverdueRollCalls(db: DbOrTx, now: Date, spotCheckId?: string) {
  return db.update(spotCheckResults)
    .set({ result: 'absent', reason: ROLL_CALL_TIMEOUT_REASON, reviewed: false, recordedBy: 'system' })
    .where(and(
      eq(spotCheckResults.result, 'pending'),
      spotCheckId ? eq(spotCheckResults.spotCheckId, spotCheckId) : undefined,
      sql`${spotCheckResults.spotCheckId} in (select id from spot_checks where roll_call_deadline is not null and roll_call_deadline <= ${now.toISOString()}::timestamptz)`,
    ))
    .returning({ spotCheckId: spotCheckResults.spotCheckId, assignmentId: spotCheckResults.assignmentId, personId: spotCheckResults.personId });
}

/** Region path of each check, for the audit events of a lazy close. */
export async function regionPathsOf(db: DbOrTx, ids: string[]): Promise<Map<string, string | null>> {
  if (ids.length === 0) return new Map();
  const rows = await db.select({ id: spotChecks.id, regionPath: spotChecks.regionPath }).from(spotChecks).where(inArray(spotChecks.id, ids));
  return new Map(rows.map((r) => [r.id, r.regionPath]));
}

/** A dispatched person's results in roll calls, with the check's deadline. */
export async function findRollCallResult(db: DbOrTx, spotCheckId: string, personId: string) {
  const [row] = await db.select({ r: spotCheckResults, method: spotChecks.method, deadline: spotChecks.rollCallDeadline, regionPath: spotChecks.regionPath })
    .from(spotCheckResults).innerJoin(spotChecks, eq(spotChecks.id, spotCheckResults.spotCheckId))
    .where(and(eq(spotCheckResults.spotCheckId, spotCheckId), eq(spotCheckResults.personId, personId)));
  return row;
}

export async function listPendingRollCalls(db: DbOrTx, personId: string) {
  return db.select({
    spotCheckId: spotChecks.id, assignmentId: spotCheckResults.assignmentId, date: spotChecks.date, deadline: spotChecks.rollCallDeadline,
    byOrgName: byOrg.name, recipientOrgName: recipientOrg.name, department: assignments.department, result: spotCheckResults.result, answeredAt: spotCheckResults.answeredAt,
  }).from(spotCheckResults)
    .innerJoin(spotChecks, eq(spotChecks.id, spotCheckResults.spotCheckId))
    .innerJoin(byOrg, eq(byOrg.id, spotChecks.byOrgId))
    .innerJoin(assignments, eq(assignments.id, spotCheckResults.assignmentId))
    .innerJoin(pairings, eq(pairings.id, assignments.pairingId))
    .innerJoin(recipientOrg, eq(recipientOrg.id, pairings.recipientOrgId))
    .where(and(eq(spotCheckResults.personId, personId), eq(spotCheckResults.result, 'pending'), sql`${spotChecks.rollCallDeadline} is not null`))
    .orderBy(asc(spotChecks.rollCallDeadline));
}

/**
 * An approved leave covering the date: approved, or closed (销假) with the return after that date.
 * 「returned_on」 is the first day back on post.
 */
export async function findCoveringLeave(db: DbOrTx, assignmentId: string, date: string): Promise<{ id: string } | undefined> {
  const [row] = await db.select({ id: leaveRequests.id }).from(leaveRequests).where(and(
    eq(leaveRequests.assignmentId, assignmentId),
    sql`${leaveRequests.status} in ('approved', 'closed')`,
    sql`${leaveRequests.startDate} <= ${date} and ${leaveRequests.endDate} >= ${date}`,
    sql`(${leaveRequests.returnedOn} is null or ${leaveRequests.returnedOn} > ${date})`,
  )).limit(1);
  return row;
}

export interface OutcomeRow {
  spotCheckId: string; date: string; result: string; personId: string; personName: string; assignmentId: string;
  supportOrgId: string; supportOrgName: string; policyCode: string;
}

/**
 * Recorded results (not pending) the viewer sees, of the persons sampled under the filter (all their
 * results count, not just those under the filter), optionally of one person.
 */
export async function listOutcomes(db: DbOrTx, v: Viewer, f: {
  programmeId?: string | undefined; supportOrgId?: string | undefined; recipientOrgId?: string | undefined; personId?: string; personIds?: readonly string[];
  /** Only persons found absent at least once (the consequences concern no one else: a province's 9,000 results become a few hundred). */
  absentOnce?: boolean;
}): Promise<OutcomeRow[]> {
  const filters = [
    f.programmeId && sql`fp.programme_id = ${f.programmeId}`,
    f.supportOrgId && sql`fa.support_org_id = ${f.supportOrgId}`,
    f.recipientOrgId && sql`fp.recipient_org_id = ${f.recipientOrgId}`,
  ].filter((p): p is SQL => !!p);
  return db.select({
    spotCheckId: spotChecks.id, date: spotChecks.date, result: spotCheckResults.result, personId: spotCheckResults.personId, personName: persons.name,
    assignmentId: spotCheckResults.assignmentId, supportOrgId: assignments.supportOrgId, supportOrgName: supportOrg.name, policyCode: programmes.policyCode,
  }).from(spotCheckResults)
    .innerJoin(spotChecks, eq(spotChecks.id, spotCheckResults.spotCheckId))
    .innerJoin(assignments, eq(assignments.id, spotCheckResults.assignmentId))
    .innerJoin(pairings, eq(pairings.id, assignments.pairingId))
    .innerJoin(programmes, eq(programmes.id, pairings.programmeId))
    .innerJoin(persons, eq(persons.id, spotCheckResults.personId))
    .innerJoin(supportOrg, eq(supportOrg.id, assignments.supportOrgId))
    .where(allOf([
      sql`${spotCheckResults.result} <> 'pending'`,
      resultVisible(v),
      f.personId && eq(spotCheckResults.personId, f.personId),
      f.personIds && inIds(spotCheckResults.personId, f.personIds),
      f.absentOnce && sql`${spotCheckResults.personId} in (select ar.person_id from spot_check_results ar where ar.result = 'absent')`,
      filters.length > 0 && sql`${spotCheckResults.personId} in (select fr.person_id from spot_check_results fr join assignments fa on fa.id = fr.assignment_id
        join pairings fp on fp.id = fa.pairing_id where ${sql.join(filters, sql` and `)})`,
    ]))
    .orderBy(asc(supportOrg.name), asc(persons.name), asc(spotChecks.date));
}

/**
 * When each support unit had staff on post, per policy: the terms (actual, else planned) of its
 * assignments the scope sees, by unit and start (those recalled or replaced before they started do not count).
 */
export async function listSupportUnitTerms(db: DbOrTx, scope: Scope, f: { programmeId?: string | undefined; supportOrgId?: string | undefined; recipientOrgId?: string | undefined; supportOrgIds?: readonly string[] }) {
  const from = sql<string>`coalesce(${assignments.actualStart}, ${assignments.plannedStart})::text`;
  // Distinct: a province's 15,000 assignments share about 2,000 terms, and the terms are merged after.
  return db.selectDistinct({
    supportOrgId: assignments.supportOrgId, supportOrgName: supportOrg.name, policyCode: programmes.policyCode,
    from, to: sql<string>`coalesce(${assignments.actualEnd}, ${assignments.plannedEnd})::text`,
  }).from(assignments)
    .innerJoin(pairings, eq(pairings.id, assignments.pairingId))
    .innerJoin(programmes, eq(programmes.id, pairings.programmeId))
    .innerJoin(supportOrg, eq(supportOrg.id, assignments.supportOrgId))
    .where(allOf([
      assignmentVisible(scope),
      sql`${assignments.archivedAt} is null`,
      sql`not (${assignments.status} in ('recalled', 'replaced') and ${assignments.actualStart} is null)`,
      f.programmeId && eq(pairings.programmeId, f.programmeId),
      f.supportOrgId && eq(assignments.supportOrgId, f.supportOrgId),
      f.supportOrgIds && inIds(assignments.supportOrgId, f.supportOrgIds),
      f.recipientOrgId && eq(pairings.recipientOrgId, f.recipientOrgId),
    ]))
    .orderBy(asc(supportOrg.name), asc(assignments.supportOrgId), asc(programmes.policyCode), asc(from));
}

/** Checks made by these units (any method): their self-checks. */
export async function listChecksBy(db: DbOrTx, orgIds: string[]) {
  if (orgIds.length === 0) return [];
  return db.select({ id: spotChecks.id, date: spotChecks.date, byOrgId: spotChecks.byOrgId }).from(spotChecks)
    .where(inArray(spotChecks.byOrgId, orgIds)).orderBy(asc(spotChecks.date));
}

// ── Sanctions ────────────────────────────────────────────────────────────────

const jsonArrayHas = (column: AnyColumn, id: string) => sql`${column} @> ${JSON.stringify([id])}::jsonb`;

/**
 * Sanctions a viewer sees: an office those issued in its area or naming a unit in it; a unit those
 * naming it or its staff; a dispatched person those naming them.
 */
function sanctionVisible(v: Viewer): SQL | undefined {
  const s = v.scope;
  if (v.ownOnly) return v.personId ? jsonArrayHas(sanctions.personIds, v.personId) : sql`false`;
  if (s.kind === 'all') return undefined;
  if (s.kind === 'unit') {
    return sql`(${jsonArrayHas(sanctions.orgIds, s.orgId)} or exists (select 1 from jsonb_array_elements_text(${sanctions.personIds}) sp_id
      join persons sp on sp.id = sp_id::uuid where sp.employer_org_id = ${s.orgId}))`;
  }
  return sql`(${sanctions.regionPath} like ${like(s.regionPath)} or exists (select 1 from jsonb_array_elements_text(${sanctions.orgIds}) so_id
    join organisations so on so.id = so_id::uuid join regions sr on sr.code = so.region_code where sr.path like ${like(s.regionPath)}))`;
}

export type SanctionRow = Omit<typeof sanctions.$inferSelect, 'document'> & { byOrgName: string; documentSize: number | null };

const sanctionColumns = {
  id: sanctions.id, kind: sanctions.kind, date: sanctions.date, byOrgId: sanctions.byOrgId, orgIds: sanctions.orgIds, personIds: sanctions.personIds,
  spotCheckId: sanctions.spotCheckId, summary: sanctions.summary, documentName: sanctions.documentName, documentType: sanctions.documentType,
  regionPath: sanctions.regionPath, createdBy: sanctions.createdBy, createdAt: sanctions.createdAt, byOrgName: byOrg.name,
  // Decoded size of the base64 document, without loading it.
  documentSize: sql<number | null>`case when ${sanctions.document} is null then null else cast(floor(length(${sanctions.document}) * 3 / 4) - (length(${sanctions.document}) - length(rtrim(${sanctions.document}, '='))) as integer) end`,
};

export async function listSanctions(db: DbOrTx, v: Viewer, q: SanctionListQuery): Promise<{ rows: SanctionRow[]; total: number }> {
  const rows = await db.select({ ...sanctionColumns, total: totalCount }).from(sanctions)
    .innerJoin(byOrg, eq(byOrg.id, sanctions.byOrgId))
    .where(allOf([
      sanctionVisible(v),
      q.kind && eq(sanctions.kind, q.kind),
      q.from && sql`${sanctions.date} >= ${q.from}`,
      q.to && sql`${sanctions.date} <= ${q.to}`,
      q.orgId && jsonArrayHas(sanctions.orgIds, q.orgId),
      q.personId && jsonArrayHas(sanctions.personIds, q.personId),
      q.spotCheckId && eq(sanctions.spotCheckId, q.spotCheckId),
    ]))
    .orderBy(desc(sanctions.date), desc(sanctions.createdAt))
    .limit(pageOf(q).limit).offset(pageOf(q).offset);
  return { rows, total: rows[0]?.total ?? 0 };
}

export async function findSanction(db: DbOrTx, v: Viewer, id: string): Promise<SanctionRow | undefined> {
  const [row] = await db.select(sanctionColumns).from(sanctions).innerJoin(byOrg, eq(byOrg.id, sanctions.byOrgId)).where(and(eq(sanctions.id, id), sanctionVisible(v)));
  return row;
}

export async function findSanctionDocument(db: DbOrTx, v: Viewer, id: string) {
  const [row] = await db.select({ name: sanctions.documentName, type: sanctions.documentType, base64: sanctions.document }).from(sanctions)
    .where(and(eq(sanctions.id, id), sanctionVisible(v)));
  return row;
}

export async function insertSanction(db: DbOrTx, values: typeof sanctions.$inferInsert): Promise<string> {
  const [row] = await db.insert(sanctions).values(values).returning({ id: sanctions.id });
  return row!.id;
}

/** Which of these organisations the scope sees. */
export async function visibleOrganisationsAmong(db: DbOrTx, scope: Scope, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db.select({ id: organisations.id }).from(organisations)
    .where(and(inArray(organisations.id, ids), scope.kind === 'all' ? undefined : sql`${organisations.id} in (${visibleOrganisationIds(scope)})`));
  return new Set(rows.map((r) => r.id));
}

/** Names of organisations and persons named by sanctions (ids come from validated writes). */
export async function namesOf(db: DbOrTx, orgIds: string[], personIds: string[]) {
  const [orgs, people] = await Promise.all([
    orgIds.length ? db.select({ id: organisations.id, name: organisations.name }).from(organisations).where(inArray(organisations.id, orgIds)) : [],
    personIds.length ? db.select({ id: persons.id, name: persons.name }).from(persons).where(inArray(persons.id, personIds)) : [],
  ]);
  return { orgs: new Map(orgs.map((o) => [o.id, o.name])), persons: new Map(people.map((p) => [p.id, p.name])) };
}
