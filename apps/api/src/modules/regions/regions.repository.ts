import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { regions, type DbOrTx } from '@duikou/db';
import type { Region, RegionListQuery } from '@duikou/contracts';
import type { Scope } from '../../core/actor.js';
import { allOf, containsPattern, pageOf, totalCount } from '../../core/pagination.js';
import { regionPathCondition } from '../../core/scope.sql.js';

const parent = alias(regions, 'parent');
const orgCount = sql<number>`(select cast(count(*) as integer) from organisations o where o.region_code = ${regions.code})`;

const columns = {
  code: regions.code, name: regions.name, level: regions.level, parentCode: regions.parentCode, parentName: parent.name,
  isLocalCode: regions.isLocalCode, archivedAt: regions.archivedAt, path: regions.path, organisationCount: orgCount,
};
type Row = { code: string; name: string; level: string; parentCode: string | null; parentName: string | null; isLocalCode: boolean; archivedAt: Date | null; path: string; organisationCount: number };
export type RegionRecord = Row;

export const toRegion = (r: Row): Region => ({
  code: r.code, name: r.name, level: r.level as Region['level'], parentCode: r.parentCode, parentName: r.parentName,
  isLocalCode: r.isLocalCode, archived: r.archivedAt !== null, organisationCount: r.organisationCount,
});

export async function listRegions(db: DbOrTx, scope: Scope, q: RegionListQuery): Promise<{ rows: Row[]; total: number }> {
  const where = allOf([
    regionPathCondition(scope, sql`${regions.path}`),
    !q.includeArchived && sql`${regions.archivedAt} is null`,
    q.level && eq(regions.level, q.level),
    q.parentCode && eq(regions.parentCode, q.parentCode),
    q.q && sql`(${regions.name} ilike ${containsPattern(q.q)} or ${regions.code} ilike ${containsPattern(q.q)})`,
  ]);
  const rows = await db.select({ ...columns, total: totalCount }).from(regions).leftJoin(parent, eq(parent.code, regions.parentCode))
    .where(where).orderBy(asc(regions.path)).limit(pageOf(q).limit).offset(pageOf(q).offset);
  return { rows, total: rows[0]?.total ?? 0 };
}

/** One region, or undefined when it does not exist or lies outside the scope. */
export async function findRegion(db: DbOrTx, scope: Scope, code: string): Promise<Row | undefined> {
  const rows = await db.select(columns).from(regions).leftJoin(parent, eq(parent.code, regions.parentCode))
    .where(and(eq(regions.code, code), regionPathCondition(scope, sql`${regions.path}`)));
  return rows[0];
}

export async function findRegionUnscoped(db: DbOrTx, code: string): Promise<Row | undefined> {
  return findRegion(db, { kind: 'all' }, code);
}

export async function insertRegion(db: DbOrTx, r: { code: string; name: string; level: string; parentCode: string | null; path: string; isLocalCode: boolean }): Promise<void> {
  await db.insert(regions).values(r);
}

export async function updateRegion(db: DbOrTx, code: string, set: Partial<{ name: string; level: string; parentCode: string | null; path: string; archivedAt: Date | null; updatedAt: Date }>): Promise<void> {
  await db.update(regions).set(set).where(eq(regions.code, code));
}

/** Re-roots the paths of a region's descendants after it moved. */
export async function rewriteDescendantPaths(db: DbOrTx, oldPath: string, newPath: string): Promise<void> {
  await db.execute(sql`update regions set path = ${newPath} || substr(path, ${oldPath.length + 1}) where path like ${`${oldPath}%`} and path <> ${oldPath}`);
}

export async function countReferences(db: DbOrTx, code: string): Promise<number> {
  const [row] = await db.select({
    n: sql<number>`cast((select count(*) from regions c where c.parent_code = ${code}) + (select count(*) from organisations o where o.region_code = ${code}) as integer)`,
  }).from(sql`(select 1) as one`);
  return row?.n ?? 0;
}

export async function deleteRegion(db: DbOrTx, code: string): Promise<void> {
  await db.delete(regions).where(eq(regions.code, code));
}


/** Region names keyed by path, for checking the county written beside a unit in a table. */
export async function findRegionNamesByPaths(db: DbOrTx, paths: (string | null)[]): Promise<Map<string, string>> {
  const wanted = [...new Set(paths.filter((p): p is string => !!p))];
  if (wanted.length === 0) return new Map();
  const rows = await db.select({ path: regions.path, name: regions.name }).from(regions).where(inArray(regions.path, wanted));
  return new Map(rows.map((r) => [r.path, r.name]));
}
