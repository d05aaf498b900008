import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { organisations, regions, type DbOrTx } from '@duikou/db';
import type { Organisation, OrganisationListQuery } from '@duikou/contracts';
import type { Scope } from '../../core/actor.js';
import { allOf, containsPattern, pageOf, totalCount } from '../../core/pagination.js';
import { visibleOrganisationIds, visiblePairingIds } from '../../core/scope.sql.js';
import { countReferencingRows } from '../../core/references.js';

export interface OrganisationRow {
  id: string; name: string; shortName: string | null; kind: string; grade: string; regionCode: string | null;
  regionName: string | null; regionPath: string | null; adminLevel: string | null; archivedAt: Date | null;
  supportPairings: number; recipientPairings: number;
}

const columnsFor = (scope: Scope) => {
  const vp = visiblePairingIds(scope);
  return {
    id: organisations.id, name: organisations.name, shortName: organisations.shortName, kind: organisations.kind, grade: organisations.grade,
    regionCode: organisations.regionCode, regionName: regions.name, regionPath: regions.path, adminLevel: organisations.adminLevel, archivedAt: organisations.archivedAt,
    supportPairings: sql<number>`(select cast(count(*) as integer) from pairing_support_units s join pairings p on p.id = s.pairing_id
      where s.org_id = ${organisations.id} and p.archived_at is null and p.id in (${vp}))`,
    recipientPairings: sql<number>`(select cast(count(*) as integer) from pairings p
      where p.recipient_org_id = ${organisations.id} and p.archived_at is null and p.id in (${vp}))`,
  };
};

export const toOrganisation = (r: OrganisationRow): Organisation => ({
  id: r.id, name: r.name, shortName: r.shortName, kind: r.kind as Organisation['kind'], grade: r.grade as Organisation['grade'],
  regionCode: r.regionCode, regionName: r.regionName, adminLevel: r.adminLevel as Organisation['adminLevel'],
  archived: r.archivedAt !== null, supportPairings: r.supportPairings, recipientPairings: r.recipientPairings,
});

export async function listOrganisations(db: DbOrTx, scope: Scope, q: OrganisationListQuery): Promise<{ rows: OrganisationRow[]; total: number }> {
  const where = allOf([
    scope.kind !== 'all' && sql`${organisations.id} in (${visibleOrganisationIds(scope)})`,
    !q.includeArchived && sql`${organisations.archivedAt} is null`,
    q.kind && eq(organisations.kind, q.kind),
    q.regionCode && sql`${regions.path} like (select r2.path || '%' from regions r2 where r2.code = ${q.regionCode})`,
    q.role === 'support' && sql`exists (select 1 from pairing_support_units s where s.org_id = ${organisations.id})`,
    q.role === 'recipient' && sql`exists (select 1 from pairings p where p.recipient_org_id = ${organisations.id})`,
    q.q && sql`(${organisations.name} ilike ${containsPattern(q.q)} or ${organisations.shortName} ilike ${containsPattern(q.q)})`,
  ]);
  const rows = await db.select({ ...columnsFor(scope), total: totalCount }).from(organisations)
    .leftJoin(regions, eq(regions.code, organisations.regionCode))
    .where(where).orderBy(asc(regions.path), asc(organisations.name)).limit(pageOf(q).limit).offset(pageOf(q).offset);
  return { rows, total: rows[0]?.total ?? 0 };
}

export async function findOrganisation(db: DbOrTx, scope: Scope, id: string): Promise<OrganisationRow | undefined> {
  const rows = await db.select(columnsFor(scope)).from(organisations)
    .leftJoin(regions, eq(regions.code, organisations.regionCode))
    .where(and(eq(organisations.id, id), scope.kind === 'all' ? undefined : sql`${organisations.id} in (${visibleOrganisationIds(scope)})`));
  return rows[0];
}

export async function findOrganisationByName(db: DbOrTx, name: string): Promise<{ id: string } | undefined> {
  const rows = await db.select({ id: organisations.id }).from(organisations).where(eq(organisations.name, name));
  return rows[0];
}

/** Organisations by exact name, any scope: import resolves the names written in a notice's table. */
export async function findOrganisationsByNames(db: DbOrTx, names: string[]): Promise<{ id: string; name: string; kind: string; regionPath: string | null; archivedAt: Date | null }[]> {
  if (names.length === 0) return [];
  return db.select({ id: organisations.id, name: organisations.name, kind: organisations.kind, regionPath: regions.path, archivedAt: organisations.archivedAt })
    .from(organisations).leftJoin(regions, eq(regions.code, organisations.regionCode)).where(inArray(organisations.name, names));
}

/** Id, kind, region path and archive state of organisations, any scope (for write checks). */
export async function findOrganisationFacts(db: DbOrTx, ids: string[]): Promise<{ id: string; name: string; kind: string; regionPath: string | null; archivedAt: Date | null }[]> {
  if (ids.length === 0) return [];
  return db.select({ id: organisations.id, name: organisations.name, kind: organisations.kind, regionPath: regions.path, archivedAt: organisations.archivedAt })
    .from(organisations).leftJoin(regions, eq(regions.code, organisations.regionCode)).where(inArray(organisations.id, ids));
}

export async function insertOrganisation(db: DbOrTx, values: typeof organisations.$inferInsert): Promise<string> {
  const [row] = await db.insert(organisations).values(values).returning({ id: organisations.id });
  return row!.id;
}

export async function updateOrganisation(db: DbOrTx, id: string, set: Partial<typeof organisations.$inferInsert>): Promise<void> {
  await db.update(organisations).set(set).where(eq(organisations.id, id));
}

export async function deleteOrganisation(db: DbOrTx, id: string): Promise<void> {
  await db.delete(organisations).where(eq(organisations.id, id));
}

/** Every row of another table that refers to the organisation (persons, pairings, assignments, users, …). */
export async function countReferences(db: DbOrTx, id: string): Promise<number> {
  return (await countReferencingRows(db, 'organisations', id)).total;
}
