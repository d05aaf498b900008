import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import { assignments, checkIns, organisations, pairings, persons, regions, sanctions, spotCheckResults, users, type DbOrTx } from '@duikou/db';
import type { PersonListQuery } from '@duikou/contracts';
import type { Scope } from '../../core/actor.js';
import { allOf, containsPattern, pageOf, totalCount } from '../../core/pagination.js';
import { visibleOrganisationIds } from '../../core/scope.sql.js';

export type PersonRow = typeof persons.$inferSelect & { employerOrgName: string; employerRegionPath: string | null };

/**
 * People visible: an office sees the staff of the organisations it sees (its area and the units
 * supporting it); a unit sees its own staff only.
 */
function visible(scope: Scope) {
  if (scope.kind === 'all') return undefined;
  if (scope.kind === 'unit') return eq(persons.employerOrgId, scope.orgId);
  return sql`${persons.employerOrgId} in (${visibleOrganisationIds(scope)})`;
}

function base(db: DbOrTx) {
  return db.select({ person: persons, employerOrgName: organisations.name, employerRegionPath: regions.path, total: totalCount }).from(persons)
    .innerJoin(organisations, eq(organisations.id, persons.employerOrgId)).leftJoin(regions, eq(regions.code, organisations.regionCode));
}
const flatten = (r: { person: typeof persons.$inferSelect; employerOrgName: string; employerRegionPath: string | null }): PersonRow =>
  ({ ...r.person, employerOrgName: r.employerOrgName, employerRegionPath: r.employerRegionPath });

export async function listPersons(db: DbOrTx, scope: Scope, q: PersonListQuery): Promise<{ rows: PersonRow[]; total: number }> {
  const where = allOf([
    visible(scope),
    !q.includeArchived && sql`${persons.archivedAt} is null`,
    q.employerOrgId && eq(persons.employerOrgId, q.employerOrgId),
    q.titleLevel && eq(persons.titleLevel, q.titleLevel),
    q.education && eq(persons.education, q.education),
    q.q && sql`(${persons.name} ilike ${containsPattern(q.q)} or ${persons.specialty} ilike ${containsPattern(q.q)} or ${organisations.name} ilike ${containsPattern(q.q)})`,
  ]);
  const rows = await base(db).where(where).orderBy(asc(organisations.name), asc(persons.name)).limit(pageOf(q).limit).offset(pageOf(q).offset);
  return { rows: rows.map(flatten), total: rows[0]?.total ?? 0 };
}

export async function findPerson(db: DbOrTx, scope: Scope, id: string): Promise<PersonRow | undefined> {
  const rows = await base(db).where(and(eq(persons.id, id), visible(scope)));
  return rows[0] ? flatten(rows[0]) : undefined;
}

export async function findPersonIdByIndex(db: DbOrTx, idNumberIndex: string): Promise<string | undefined> {
  const rows = await db.select({ id: persons.id }).from(persons).where(eq(persons.idNumberIndex, idNumberIndex));
  return rows[0]?.id;
}

export async function insertPerson(db: DbOrTx, values: typeof persons.$inferInsert): Promise<string> {
  const [row] = await db.insert(persons).values(values).returning({ id: persons.id });
  return row!.id;
}

export async function updatePerson(db: DbOrTx, id: string, set: Partial<typeof persons.$inferInsert>): Promise<void> {
  await db.update(persons).set(set).where(eq(persons.id, id));
}

export async function deletePerson(db: DbOrTx, id: string): Promise<void> {
  await db.delete(persons).where(eq(persons.id, id));
}

export async function setPersonArchived(db: DbOrTx, id: string, at: Date | null): Promise<void> {
  await db.update(persons).set({ archivedAt: at, updatedAt: at ?? new Date() }).where(eq(persons.id, id));
}

/**
 * Records referring to a person: assignments (and their check-ins and spot-check results), the login
 * account of a dispatched person, 通报/约谈 naming them. A referenced person is archived, not deleted.
 */
export async function countPersonReferences(db: DbOrTx, id: string): Promise<number> {
  const n = sql<number>`cast(count(*) as integer)`;
  const counts = [
    await db.select({ n }).from(assignments).where(eq(assignments.personId, id)),
    await db.select({ n }).from(checkIns).where(eq(checkIns.personId, id)),
    await db.select({ n }).from(spotCheckResults).where(eq(spotCheckResults.personId, id)),
    await db.select({ n }).from(users).where(eq(users.personId, id)),
    await db.select({ n }).from(sanctions).where(sql`${sanctions.personIds} @> ${JSON.stringify([id])}::jsonb`),
  ];
  return counts.reduce((sum, [row]) => sum + (row?.n ?? 0), 0);
}

/**
 * 对口支援单位（科室） of the registration form: the recipient unit and department of each person's
 * current or next assignment (planned or on duty), else of the last one completed; the latest start first.
 */
export async function findCurrentPostings(db: DbOrTx, personIds: string[]): Promise<Map<string, { recipient: string; department: string }>> {
  if (personIds.length === 0) return new Map();
  const rows = await db.select({ personId: assignments.personId, recipient: organisations.name, department: assignments.department })
    .from(assignments).innerJoin(pairings, eq(pairings.id, assignments.pairingId)).innerJoin(organisations, eq(organisations.id, pairings.recipientOrgId))
    .where(and(inArray(assignments.personId, personIds), inArray(assignments.status, ['planned', 'on_duty', 'completed'])))
    .orderBy(sql`case when ${assignments.status} = 'completed' then 1 else 0 end`, desc(assignments.plannedStart));
  const out = new Map<string, { recipient: string; department: string }>();
  for (const r of rows) if (!out.has(r.personId)) out.set(r.personId, { recipient: r.recipient, department: r.department });
  return out;
}

/** Persons by id among those the scope sees, in the order of `ids` (missing ones left out). */
export async function findPersons(db: DbOrTx, scope: Scope, ids: string[]): Promise<PersonRow[]> {
  if (ids.length === 0) return [];
  const rows = (await base(db).where(and(inArray(persons.id, ids), visible(scope)))).map(flatten);
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.map((id) => byId.get(id)).filter((r): r is PersonRow => !!r);
}

/** Which of these blind indexes are already registered (any scope: ID numbers are unique platform-wide). */
export async function findTakenIdNumberIndexes(db: DbOrTx, indexes: string[]): Promise<Set<string>> {
  if (indexes.length === 0) return new Set();
  const rows = await db.select({ index: persons.idNumberIndex }).from(persons).where(inArray(persons.idNumberIndex, indexes));
  return new Set(rows.map((r) => r.index));
}

export interface EmployerCandidate { id: string; name: string; regionPath: string | null; archivedAt: Date | null; visible: boolean }

/** Organisations by exact name, with whether the scope sees them (an import names employers as written). */
export async function findEmployersByNames(db: DbOrTx, scope: Scope, names: string[]): Promise<EmployerCandidate[]> {
  if (names.length === 0) return [];
  const seen = scope.kind === 'all' ? sql<boolean>`true` : sql<boolean>`${organisations.id} in (${visibleOrganisationIds(scope)})`;
  return db.select({ id: organisations.id, name: organisations.name, regionPath: regions.path, archivedAt: organisations.archivedAt, visible: seen })
    .from(organisations).leftJoin(regions, eq(regions.code, organisations.regionCode)).where(inArray(organisations.name, names));
}

/**
 * Names of the organisations whose staff the scope may register (a unit: itself; an office: the
 * organisations of its area), for the import template.
 */
export async function listManageableEmployerNames(db: DbOrTx, scope: Scope): Promise<string[]> {
  const where = allOf([
    sql`${organisations.archivedAt} is null`,
    sql`${organisations.kind} <> 'platform'`,
    scope.kind === 'unit' && eq(organisations.id, scope.orgId),
    scope.kind === 'region' && sql`${regions.path} like ${`${scope.regionPath}%`}`,
  ]);
  const rows = await db.select({ name: organisations.name }).from(organisations).leftJoin(regions, eq(regions.code, organisations.regionCode))
    .where(where).orderBy(asc(regions.path), asc(organisations.name)).limit(2000);
  return rows.map((r) => r.name);
}

/** Many persons in one statement per chunk (import); ids are chosen by the caller. */
export async function insertPersons(db: DbOrTx, values: (typeof persons.$inferInsert & { id: string })[]): Promise<void> {
  for (let i = 0; i < values.length; i += 500) await db.insert(persons).values(values.slice(i, i + 500));
}
