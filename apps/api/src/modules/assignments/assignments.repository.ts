import { aliasedTable, and, asc, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { assignmentProgress, assignments, organisations, pairingSupportUnits, pairings, persons, programmes, regions, rowsOf, type DbOrTx } from '@duikou/db';
import type { AssignmentListQuery } from '@duikou/contracts';
import type { Scope } from '../../core/actor.js';
import { allOf, containsPattern, pageOf, totalCount } from '../../core/pagination.js';
import { visiblePairingIds } from '../../core/scope.sql.js';
import { inIds } from '../../core/sql-ids.js';

const supportOrg = aliasedTable(organisations, 'support_org');
const recipientOrg = aliasedTable(organisations, 'recipient_org');
const recipientRegion = aliasedTable(regions, 'recipient_region');

export interface AssignmentRow {
  a: typeof assignments.$inferSelect;
  programmeId: string; programmeName: string; policyCode: string;
  personName: string; personTitle: string | null; personTitleLevel: string; personMobileMasked: string;
  personEducation: string; personWorkStartDate: string; personGender: string; personBirthMonth: string; personSpecialty: string | null; personMobileCipher: string;
  supportOrgName: string; recipientOrgId: string; recipientOrgName: string; recipientOrgKind: string; recipientRegionPath: string | null;
  replacedById: string | null;
}

/**
 * Assignments visible: an office sees those under the pairings it sees; a support unit its own
 * staff's; a recipient unit those sent to it.
 */
function visible(scope: Scope) {
  if (scope.kind === 'all') return undefined;
  if (scope.kind === 'unit') return sql`(${assignments.supportOrgId} = ${scope.orgId} or ${pairings.recipientOrgId} = ${scope.orgId})`;
  return sql`${assignments.pairingId} in (${visiblePairingIds(scope)})`;
}

function base(db: DbOrTx) {
  return db.select({
    a: assignments, programmeId: programmes.id, programmeName: programmes.name, policyCode: programmes.policyCode,
    personName: persons.name, personTitle: persons.title, personTitleLevel: persons.titleLevel, personMobileMasked: persons.mobileMasked,
    personEducation: persons.education, personWorkStartDate: persons.workStartDate, personGender: persons.gender, personBirthMonth: persons.birthMonth,
    personSpecialty: persons.specialty, personMobileCipher: persons.mobileCipher,
    supportOrgName: supportOrg.name, recipientOrgId: pairings.recipientOrgId, recipientOrgName: recipientOrg.name, recipientOrgKind: recipientOrg.kind,
    recipientRegionPath: recipientRegion.path, total: totalCount,
    replacedById: sql<string | null>`(select r.id from assignments r where r.replaces_id = "assignments"."id")`,
  }).from(assignments)
    .innerJoin(pairings, eq(pairings.id, assignments.pairingId))
    .innerJoin(programmes, eq(programmes.id, pairings.programmeId))
    .innerJoin(persons, eq(persons.id, assignments.personId))
    .innerJoin(supportOrg, eq(supportOrg.id, assignments.supportOrgId))
    .innerJoin(recipientOrg, eq(recipientOrg.id, pairings.recipientOrgId))
    .leftJoin(recipientRegion, eq(recipientRegion.code, recipientOrg.regionCode));
}

/** SQL for a list flag; kept beside the list so filters and the flags shown agree. */
const flagCondition = {
  no_insurance: sql`(${assignments.insuranceFrom} is null or ${assignments.insuranceTo} is null)`,
  insurance_gap: sql`(${assignments.insuranceFrom} > ${assignments.plannedStart} or ${assignments.insuranceTo} < ${assignments.plannedEnd})`,
  no_safety_education: sql`${assignments.safetyEducationDate} is null`,
  eligibility_override: sql`${assignments.overrideReason} is not null`,
} as const;

function whereOf(scope: Scope, q: Omit<AssignmentListQuery, 'page' | 'pageSize'>) {
  return allOf([
    visible(scope),
    !q.includeArchived && sql`${assignments.archivedAt} is null`,
    q.programmeId && eq(pairings.programmeId, q.programmeId),
    q.pairingId && eq(assignments.pairingId, q.pairingId),
    q.supportOrgId && eq(assignments.supportOrgId, q.supportOrgId),
    q.recipientOrgId && eq(pairings.recipientOrgId, q.recipientOrgId),
    q.personId && eq(assignments.personId, q.personId),
    q.mode && eq(assignments.mode, q.mode),
    q.status && eq(assignments.status, q.status),
    q.flag && flagCondition[q.flag],
    q.activeOn && sql`${assignments.plannedStart} <= ${q.activeOn} and coalesce(${assignments.actualEnd}, ${assignments.plannedEnd}) >= ${q.activeOn}`,
    q.q && sql`(${persons.name} ilike ${containsPattern(q.q)} or ${assignments.department} ilike ${containsPattern(q.q)} or ${recipientOrg.name} ilike ${containsPattern(q.q)} or ${supportOrg.name} ilike ${containsPattern(q.q)})`,
  ]);
}

export async function listAssignments(db: DbOrTx, scope: Scope, q: AssignmentListQuery): Promise<{ rows: AssignmentRow[]; total: number }> {
  const rows = await base(db).where(whereOf(scope, q))
    .orderBy(desc(assignments.plannedStart), asc(recipientOrg.name), asc(persons.name))
    .limit(pageOf(q).limit).offset(pageOf(q).offset);
  return { rows, total: rows[0]?.total ?? 0 };
}

/** Every matching assignment with the person facts the staff forms print: a province's whole year (15,000 rows) in one form. */
export async function listAssignmentsForExport(db: DbOrTx, scope: Scope, q: Omit<AssignmentListQuery, 'page' | 'pageSize'>) {
  return base(db).where(whereOf(scope, q))
    .orderBy(asc(supportOrg.name), asc(recipientOrg.name), asc(assignments.plannedStart), asc(persons.name), asc(assignments.id));
}

/** What the on-site judgement of an assignment reads besides its attendance (a row of the at-risk list). */
export type JudgeableRow = Pick<AssignmentRow, 'programmeName' | 'policyCode' | 'personName' | 'supportOrgName' | 'recipientOrgId' | 'recipientOrgName'> & {
  a: Pick<AssignmentRow['a'], 'id' | 'personId' | 'supportOrgId' | 'mode' | 'status' | 'plannedStart' | 'plannedEnd' | 'actualStart' | 'actualEnd'>;
};

/**
 * Assignments on duty, then planned, with only what their judgement needs: a province holds 13,000,
 * and the at-risk list reads them on each request (the full export row carries person facts too).
 */
export async function listAssignmentsToJudge(db: DbOrTx, scope: Scope, q: Omit<AssignmentListQuery, 'page' | 'pageSize' | 'status'>): Promise<JudgeableRow[]> {
  return judgeableRows(db, and(whereOf(scope, q), inArray(assignments.status, ['on_duty', 'planned'])));
}

/**
 * The same assignments, in the same order, with only their id and today's cached judgement (null: not
 * judged since it changed). A list that shows a page of them reads their names for that page only:
 * a province's 15,000 rows with every name cost more than the judging.
 */
export async function listJudgedStatuses(db: DbOrTx, scope: Scope, q: Omit<AssignmentListQuery, 'page' | 'pageSize' | 'status'>, asOf: string): Promise<{ id: string; status: string | null }[]> {
  return db.select({ id: assignments.id, status: assignmentProgress.status }).from(assignments)
    .innerJoin(pairings, eq(pairings.id, assignments.pairingId))
    .innerJoin(programmes, eq(programmes.id, pairings.programmeId))
    .innerJoin(persons, eq(persons.id, assignments.personId))
    .innerJoin(supportOrg, eq(supportOrg.id, assignments.supportOrgId))
    .innerJoin(recipientOrg, eq(recipientOrg.id, pairings.recipientOrgId))
    .leftJoin(assignmentProgress, and(eq(assignmentProgress.assignmentId, assignments.id), eq(assignmentProgress.asOf, asOf)))
    .where(and(whereOf(scope, q), inArray(assignments.status, ['on_duty', 'planned'])))
    .orderBy(...JUDGEABLE_ORDER);
}

/** The same rows for given assignments (those the dashboard found unjudged today), in the list's order. */
export async function listJudgeableByIds(db: DbOrTx, ids: readonly string[]): Promise<JudgeableRow[]> {
  if (ids.length === 0) return [];
  return judgeableRows(db, inIds(assignments.id, ids));
}

/** Current first, then by support unit, recipient, start and person. */
const JUDGEABLE_ORDER = [sql`${assignments.status} = 'planned'`, asc(supportOrg.name), asc(recipientOrg.name), asc(assignments.plannedStart), asc(persons.name), asc(assignments.id)];

function judgeableRows(db: DbOrTx, where: SQL | undefined): Promise<JudgeableRow[]> {
  return db.select({
    a: {
      id: assignments.id, personId: assignments.personId, supportOrgId: assignments.supportOrgId, mode: assignments.mode, status: assignments.status,
      plannedStart: assignments.plannedStart, plannedEnd: assignments.plannedEnd, actualStart: assignments.actualStart, actualEnd: assignments.actualEnd,
    },
    programmeName: programmes.name, policyCode: programmes.policyCode, personName: persons.name, supportOrgName: supportOrg.name,
    recipientOrgId: pairings.recipientOrgId, recipientOrgName: recipientOrg.name,
  }).from(assignments)
    .innerJoin(pairings, eq(pairings.id, assignments.pairingId))
    .innerJoin(programmes, eq(programmes.id, pairings.programmeId))
    .innerJoin(persons, eq(persons.id, assignments.personId))
    .innerJoin(supportOrg, eq(supportOrg.id, assignments.supportOrgId))
    .innerJoin(recipientOrg, eq(recipientOrg.id, pairings.recipientOrgId))
    .where(where)
    .orderBy(...JUDGEABLE_ORDER);
}

export async function findAssignment(db: DbOrTx, scope: Scope, id: string): Promise<AssignmentRow | undefined> {
  const rows = await base(db).where(and(eq(assignments.id, id), visible(scope)));
  return rows[0];
}

export async function insertAssignment(db: DbOrTx, values: typeof assignments.$inferInsert): Promise<string> {
  const [row] = await db.insert(assignments).values(values).returning({ id: assignments.id });
  return row!.id;
}

export async function updateAssignment(db: DbOrTx, id: string, set: Partial<typeof assignments.$inferInsert>): Promise<void> {
  await db.update(assignments).set(set).where(eq(assignments.id, id));
}

/** The pairing facts a dispatch needs: its programme and policy, recipient and support units. */
export async function findPairingFacts(db: DbOrTx, scope: Scope, pairingId: string) {
  const [row] = await db.select({
    id: pairings.id, programmeId: pairings.programmeId, policyCode: programmes.policyCode, recipientOrgId: pairings.recipientOrgId,
    recipientOrgName: organisations.name, recipientOrgKind: organisations.kind, minPersons: pairings.minPersonsPerSupportUnitPerYear,
    validFrom: pairings.validFrom, validTo: pairings.validTo, archivedAt: pairings.archivedAt, recipientRegionPath: regions.path,
  }).from(pairings)
    .innerJoin(programmes, eq(programmes.id, pairings.programmeId))
    .innerJoin(organisations, eq(organisations.id, pairings.recipientOrgId))
    .leftJoin(regions, eq(regions.code, organisations.regionCode))
    .where(and(eq(pairings.id, pairingId), scope.kind === 'all' ? undefined : sql`${pairings.id} in (${visiblePairingIds(scope)})`));
  if (!row) return undefined;
  const support = await db.select({ orgId: pairingSupportUnits.orgId }).from(pairingSupportUnits).where(eq(pairingSupportUnits.pairingId, pairingId));
  return { ...row, supportOrgIds: support.map((s) => s.orgId) };
}

/** Assignments of a person overlapping a period (a person is in one place at a time). */
export async function findOverlapping(db: DbOrTx, personId: string, from: string, to: string, exceptId?: string) {
  return db.select({ id: assignments.id, plannedStart: assignments.plannedStart, plannedEnd: assignments.plannedEnd }).from(assignments)
    .where(and(
      eq(assignments.personId, personId), sql`${assignments.archivedAt} is null`,
      sql`${assignments.status} in ('planned', 'on_duty')`,
      sql`${assignments.plannedStart} <= ${to} and coalesce(${assignments.actualEnd}, ${assignments.plannedEnd}) >= ${from}`,
      exceptId ? sql`${assignments.id} <> ${exceptId}` : undefined,
    ));
}

/** Staffing facts: pairings in scope with their support units and the assignments overlapping the year. */
interface StaffingAssignmentRow { id: string; pairingId: string; supportOrgId: string; personId: string; start: string; end: string; status: string }

export async function listStaffingFacts(db: DbOrTx, scope: Scope, q: { year: number; programmeId?: string; supportOrgId?: string; recipientOrgId?: string }) {
  const from = `${q.year}-01-01`;
  const to = `${q.year}-12-31`;
  const pairingRows = await db.select({
    pairingId: pairings.id, programmeName: programmes.name, policyCode: programmes.policyCode, recipientOrgId: pairings.recipientOrgId,
    recipientOrgName: organisations.name, recipientOrgKind: organisations.kind, minPersons: pairings.minPersonsPerSupportUnitPerYear,
    supportOrgId: pairingSupportUnits.orgId, supportOrgName: supportOrg.name,
  }).from(pairings)
    .innerJoin(programmes, eq(programmes.id, pairings.programmeId))
    .innerJoin(organisations, eq(organisations.id, pairings.recipientOrgId))
    .innerJoin(pairingSupportUnits, eq(pairingSupportUnits.pairingId, pairings.id))
    .innerJoin(supportOrg, eq(supportOrg.id, pairingSupportUnits.orgId))
    .where(allOf([
      scope.kind === 'all' ? undefined : sql`${pairings.id} in (${visiblePairingIds(scope)})`,
      scope.kind === 'unit' ? sql`(${pairingSupportUnits.orgId} = ${scope.orgId} or ${pairings.recipientOrgId} = ${scope.orgId})` : undefined,
      sql`${pairings.archivedAt} is null`,
      sql`(${pairings.validFrom} is null or ${pairings.validFrom} <= ${to}) and (${pairings.validTo} is null or ${pairings.validTo} >= ${from})`,
      q.programmeId && eq(pairings.programmeId, q.programmeId),
      q.supportOrgId && eq(pairingSupportUnits.orgId, q.supportOrgId),
      q.recipientOrgId && eq(pairings.recipientOrgId, q.recipientOrgId),
    ]))
    .orderBy(asc(programmes.name), asc(organisations.name), asc(pairingSupportUnits.position));
  const ids = [...new Set(pairingRows.map((r) => r.pairingId))];
  // Plain rows: a province's 15,000 through the query builder's per-cell mapping cost as much as judging them.
  const assignmentRows = ids.length === 0 ? [] : rowsOf<StaffingAssignmentRow>(await db.execute(sql`
    select id, pairing_id as "pairingId", support_org_id as "supportOrgId", person_id as "personId",
      coalesce(actual_start, planned_start)::text as start, coalesce(actual_end, planned_end)::text as "end", status
    from assignments
    where pairing_id = any(${`{${ids.join(',')}}`}::uuid[]) and archived_at is null
      and planned_start <= ${to} and coalesce(actual_end, planned_end) >= ${from}`));
  return { pairingRows, assignmentRows };
}
