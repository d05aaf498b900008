import { aliasedTable, and, asc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { assignments, documentNumbers, organisations, pairingSupportUnits, pairings, persons, programmes, regions, type DbOrTx } from '@duikou/db';
import type { Actor, Scope } from '../../core/actor.js';
import { allOf } from '../../core/pagination.js';
import { visiblePairingIds } from '../../core/scope.sql.js';
import { inIds } from '../../core/sql-ids.js';

/**
 * Scoped look-ups shared by the modules of issue 6 (agreements, tasks, activities, mentorships,
 * visits, outcomes, appraisals, certificates): who sees which assignment, pairing and recipient.
 */

const supportOrg = aliasedTable(organisations, 'r_support_org');
const recipientOrg = aliasedTable(organisations, 'r_recipient_org');
const recipientRegion = aliasedTable(regions, 'r_recipient_region');
const NO_PERSON = '00000000-0000-0000-0000-000000000000';

/** Dispatched staff and team leaders see only their own records (as in spot checks). */
export const ownPersonOf = (actor: Actor): string | null =>
  (actor.role === 'staff' || actor.role === 'team_leader' ? actor.personId ?? NO_PERSON : null);

/** Ids of the assignments an actor sees: own (staff), a unit's staff and those posted to it, an office's pairings. */
export function visibleAssignmentIds(actor: Actor): SQL {
  const own = ownPersonOf(actor);
  if (own) return sql`select va.id from assignments va where va.person_id = ${own}`;
  const s = actor.scope;
  if (s.kind === 'all') return sql`select va.id from assignments va`;
  if (s.kind === 'unit') {
    return sql`select va.id from assignments va join pairings vp on vp.id = va.pairing_id where va.support_org_id = ${s.orgId} or vp.recipient_org_id = ${s.orgId}`;
  }
  return sql`select va.id from assignments va where va.pairing_id in (${visiblePairingIds(s)})`;
}

/**
 * Records of one support unit at one pairing (agreements, visits): an office sees those of its
 * pairings; a unit those where it is the support unit or the recipient.
 */
export function pairingUnitVisible(scope: Scope, pairingId: SQL | unknown, supportOrgId: SQL | unknown): SQL | undefined {
  if (scope.kind === 'all') return undefined;
  if (scope.kind === 'unit') {
    return sql`(${supportOrgId} = ${scope.orgId} or exists (select 1 from pairings vp where vp.id = ${pairingId} and vp.recipient_org_id = ${scope.orgId}))`;
  }
  return sql`${pairingId} in (${visiblePairingIds(scope)})`;
}

/** Recipients an actor sees: those of its visible pairings. */
export function visibleRecipientIds(scope: Scope): SQL {
  if (scope.kind === 'all') return sql`select vp.recipient_org_id from pairings vp`;
  return sql`select vp.recipient_org_id from pairings vp where vp.id in (${visiblePairingIds(scope)})`;
}

const factColumns = {
  id: assignments.id, personId: assignments.personId, personName: persons.name, personTitle: persons.title, personGender: persons.gender,
  personSpecialty: persons.specialty, pairingId: assignments.pairingId, programmeName: programmes.name, policyCode: programmes.policyCode,
  supportOrgId: assignments.supportOrgId, supportOrgName: supportOrg.name, supportOrgLevel: supportOrg.adminLevel,
  recipientOrgId: pairings.recipientOrgId, recipientOrgName: recipientOrg.name, recipientRegionPath: recipientRegion.path,
  department: assignments.department, mode: assignments.mode, status: assignments.status,
  start: sql<string>`coalesce(${assignments.actualStart}, ${assignments.plannedStart})::text`,
  end: sql<string>`coalesce(${assignments.actualEnd}, ${assignments.plannedEnd})::text`,
};
export interface AssignmentFacts {
  id: string; personId: string; personName: string; personTitle: string | null; personGender: string; personSpecialty: string | null;
  pairingId: string; programmeName: string; policyCode: string; supportOrgId: string; supportOrgName: string; supportOrgLevel: string | null;
  recipientOrgId: string; recipientOrgName: string; recipientRegionPath: string | null; department: string; mode: string; status: string; start: string; end: string;
}

function factsQuery(db: DbOrTx) {
  return db.select(factColumns).from(assignments)
    .innerJoin(pairings, eq(pairings.id, assignments.pairingId))
    .innerJoin(programmes, eq(programmes.id, pairings.programmeId))
    .innerJoin(persons, eq(persons.id, assignments.personId))
    .innerJoin(supportOrg, eq(supportOrg.id, assignments.supportOrgId))
    .innerJoin(recipientOrg, eq(recipientOrg.id, pairings.recipientOrgId))
    .leftJoin(recipientRegion, eq(recipientRegion.code, recipientOrg.regionCode));
}

/** One assignment with its person, units, programme and recipient region, if the actor sees it. */
export async function findAssignmentFacts(db: DbOrTx, actor: Actor, id: string): Promise<AssignmentFacts | undefined> {
  const [row] = await factsQuery(db).where(and(eq(assignments.id, id), sql`${assignments.id} in (${visibleAssignmentIds(actor)})`));
  return row;
}

/** Facts of many assignments by id (already known visible), in one query. */
export async function listAssignmentFacts(db: DbOrTx, ids: readonly string[]): Promise<Map<string, AssignmentFacts>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await factsQuery(db).where(inIds(assignments.id, unique));
  return new Map(rows.map((r) => [r.id, r]));
}

export interface AssignmentFilter {
  assignmentId?: string | undefined; supportOrgId?: string | undefined; recipientOrgId?: string | undefined; pairingId?: string | undefined;
  personId?: string | undefined;
  /** Terms overlapping [from, to]. */
  from?: string | undefined; to?: string | undefined;
  modes?: readonly string[] | undefined;
  statuses?: readonly string[] | undefined;
}

/**
 * Assignments an actor sees matching a filter (not archived), for the per-person verdict lists. All of
 * them: a list judges and counts every one (a province holds 15,000) and pages its answer; a cap here
 * silently left the rest out of the lists' totals and the dashboard's figures.
 */
export async function listVisibleAssignments(db: DbOrTx, actor: Actor, f: AssignmentFilter): Promise<AssignmentFacts[]> {
  return factsQuery(db).where(allOf([
    sql`${assignments.id} in (${visibleAssignmentIds(actor)})`,
    sql`${assignments.archivedAt} is null`,
    f.assignmentId && eq(assignments.id, f.assignmentId),
    f.supportOrgId && eq(assignments.supportOrgId, f.supportOrgId),
    f.recipientOrgId && eq(pairings.recipientOrgId, f.recipientOrgId),
    f.pairingId && eq(assignments.pairingId, f.pairingId),
    f.personId && eq(assignments.personId, f.personId),
    f.to && sql`coalesce(${assignments.actualStart}, ${assignments.plannedStart}) <= ${f.to}`,
    f.from && sql`coalesce(${assignments.actualEnd}, ${assignments.plannedEnd}) >= ${f.from}`,
    f.modes && f.modes.length > 0 && inArray(assignments.mode, [...f.modes]),
    f.statuses && f.statuses.length > 0 && inArray(assignments.status, [...f.statuses]),
  ])).orderBy(asc(recipientOrg.name), asc(supportOrg.name), asc(persons.name), asc(assignments.plannedStart), asc(assignments.id));
}

export interface PairingUnitFacts {
  pairingId: string; programmeId: string; programmeName: string; policyCode: string; recipientOrgId: string; recipientOrgName: string;
  recipientRegionPath: string | null; supportOrgId: string; supportOrgName: string; supportOrgLevel: string | null;
  validFrom: string | null; validTo: string | null; needs: string[];
}

/**
 * Pairings × support units the actor sees (not archived), optionally one pairing or unit, valid in a
 * year. `allUnits`: every support unit of a visible pairing (a support unit otherwise sees only itself).
 * All of them, as `listVisibleAssignments`: the coverage and visit lists judge and count every one.
 */
export async function listPairingUnits(db: DbOrTx, scope: Scope, f: { pairingId?: string | undefined; supportOrgId?: string | undefined; recipientOrgId?: string | undefined; programmeId?: string | undefined; year?: number | undefined; allUnits?: boolean }): Promise<PairingUnitFacts[]> {
  const from = f.year ? `${f.year}-01-01` : null;
  const to = f.year ? `${f.year}-12-31` : null;
  return db.select({
    pairingId: pairings.id, programmeId: programmes.id, programmeName: programmes.name, policyCode: programmes.policyCode,
    recipientOrgId: pairings.recipientOrgId, recipientOrgName: recipientOrg.name, recipientRegionPath: recipientRegion.path,
    supportOrgId: pairingSupportUnits.orgId, supportOrgName: supportOrg.name, supportOrgLevel: supportOrg.adminLevel,
    validFrom: pairings.validFrom, validTo: pairings.validTo, needs: pairings.needs,
  }).from(pairings)
    .innerJoin(programmes, eq(programmes.id, pairings.programmeId))
    .innerJoin(pairingSupportUnits, eq(pairingSupportUnits.pairingId, pairings.id))
    .innerJoin(supportOrg, eq(supportOrg.id, pairingSupportUnits.orgId))
    .innerJoin(recipientOrg, eq(recipientOrg.id, pairings.recipientOrgId))
    .leftJoin(recipientRegion, eq(recipientRegion.code, recipientOrg.regionCode))
    .where(allOf([
      f.allUnits ? (scope.kind === 'all' ? undefined : sql`${pairings.id} in (${visiblePairingIds(scope)})`) : pairingUnitVisible(scope, pairings.id, pairingSupportUnits.orgId),
      sql`${pairings.archivedAt} is null`,
      f.pairingId && eq(pairings.id, f.pairingId),
      f.supportOrgId && eq(pairingSupportUnits.orgId, f.supportOrgId),
      f.recipientOrgId && eq(pairings.recipientOrgId, f.recipientOrgId),
      f.programmeId && eq(pairings.programmeId, f.programmeId),
      to && sql`(coalesce(${pairings.validFrom}, ${programmes.validFrom}) is null or coalesce(${pairings.validFrom}, ${programmes.validFrom}) <= ${to})`,
      from && sql`(coalesce(${pairings.validTo}, ${programmes.validTo}) is null or coalesce(${pairings.validTo}, ${programmes.validTo}) >= ${from})`,
    ]))
    .orderBy(asc(programmes.name), asc(recipientRegion.path), asc(recipientOrg.name), asc(pairingSupportUnits.position), asc(pairings.id));
}

/** A recipient the actor sees, with its region. */
export async function findVisibleRecipient(db: DbOrTx, scope: Scope, orgId: string) {
  const [row] = await db.select({ id: organisations.id, name: organisations.name, regionPath: regions.path }).from(organisations)
    .leftJoin(regions, eq(regions.code, organisations.regionCode))
    .where(and(eq(organisations.id, orgId), sql`${organisations.id} in (${visibleRecipientIds(scope)})`));
  return row;
}

/** Policy codes of the programmes a recipient takes part in. */
export async function listRecipientPolicyCodes(db: DbOrTx, orgId: string): Promise<string[]> {
  const rows = await db.selectDistinct({ code: programmes.policyCode }).from(pairings)
    .innerJoin(programmes, eq(programmes.id, pairings.programmeId))
    .where(and(eq(pairings.recipientOrgId, orgId), sql`${pairings.archivedAt} is null`));
  return rows.map((r) => r.code).sort();
}

/** The next running number of a kind of document in a year (certificates), taken inside the caller's transaction. */
export async function nextDocumentNumber(db: DbOrTx, kind: string, year: number): Promise<number> {
  const [row] = await db.insert(documentNumbers).values({ kind, year, last: 1 })
    .onConflictDoUpdate({ target: [documentNumbers.kind, documentNumbers.year], set: { last: sql`${documentNumbers.last} + 1` } })
    .returning({ last: documentNumbers.last });
  return row!.last;
}
