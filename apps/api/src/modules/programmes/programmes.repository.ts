import { and, desc, eq, sql } from 'drizzle-orm';
import { organisations, programmes, regions, type DbOrTx } from '@duikou/db';
import type { Programme, ProgrammeListQuery } from '@duikou/contracts';
import type { Scope } from '../../core/actor.js';
import { allOf, containsPattern, pageOf, totalCount } from '../../core/pagination.js';
import { visiblePairingIds, visibleProgrammeIds } from '../../core/scope.sql.js';

export interface ProgrammeRow {
  id: string; name: string; ownerOrgId: string; ownerOrgName: string; ownerRegionPath: string | null; policyCode: string;
  documentNo: string | null; validFrom: string | null; validTo: string | null; description: string | null; archivedAt: Date | null; pairingCount: number;
}

const columnsFor = (scope: Scope) => ({
  id: programmes.id, name: programmes.name, ownerOrgId: programmes.ownerOrgId, ownerOrgName: organisations.name, ownerRegionPath: regions.path,
  policyCode: programmes.policyCode, documentNo: programmes.documentNo, validFrom: programmes.validFrom, validTo: programmes.validTo,
  description: programmes.description, archivedAt: programmes.archivedAt,
  pairingCount: sql<number>`(select cast(count(*) as integer) from pairings p where p.programme_id = ${programmes.id} and p.archived_at is null and p.id in (${visiblePairingIds(scope)}))`,
});

export const toProgramme = (r: ProgrammeRow): Programme => ({
  id: r.id, name: r.name, ownerOrgId: r.ownerOrgId, ownerOrgName: r.ownerOrgName, policyCode: r.policyCode, documentNo: r.documentNo,
  validFrom: r.validFrom, validTo: r.validTo, description: r.description, archived: r.archivedAt !== null, pairingCount: r.pairingCount,
});

const inScope = (scope: Scope) => (scope.kind === 'all' ? undefined : sql`${programmes.id} in (${visibleProgrammeIds(scope)})`);

export async function listProgrammes(db: DbOrTx, scope: Scope, q: ProgrammeListQuery): Promise<{ rows: ProgrammeRow[]; total: number }> {
  const where = allOf([
    inScope(scope),
    !q.includeArchived && sql`${programmes.archivedAt} is null`,
    q.policyCode && eq(programmes.policyCode, q.policyCode),
    q.q && sql`(${programmes.name} ilike ${containsPattern(q.q)} or ${programmes.documentNo} ilike ${containsPattern(q.q)})`,
  ]);
  const rows = await db.select({ ...columnsFor(scope), total: totalCount }).from(programmes)
    .innerJoin(organisations, eq(organisations.id, programmes.ownerOrgId)).leftJoin(regions, eq(regions.code, organisations.regionCode))
    .where(where).orderBy(desc(programmes.validFrom), programmes.name).limit(pageOf(q).limit).offset(pageOf(q).offset);
  return { rows, total: rows[0]?.total ?? 0 };
}

export async function findProgramme(db: DbOrTx, scope: Scope, id: string): Promise<ProgrammeRow | undefined> {
  const rows = await db.select(columnsFor(scope)).from(programmes)
    .innerJoin(organisations, eq(organisations.id, programmes.ownerOrgId)).leftJoin(regions, eq(regions.code, organisations.regionCode))
    .where(and(eq(programmes.id, id), inScope(scope)));
  return rows[0];
}

export async function insertProgramme(db: DbOrTx, values: typeof programmes.$inferInsert): Promise<string> {
  const [row] = await db.insert(programmes).values(values).returning({ id: programmes.id });
  return row!.id;
}

export async function updateProgramme(db: DbOrTx, id: string, set: Partial<typeof programmes.$inferInsert>): Promise<void> {
  await db.update(programmes).set(set).where(eq(programmes.id, id));
}

export async function deleteProgramme(db: DbOrTx, id: string): Promise<void> {
  await db.delete(programmes).where(eq(programmes.id, id));
}

export async function countPairings(db: DbOrTx, id: string): Promise<number> {
  const [row] = await db.select({ n: sql<number>`cast(count(*) as integer)` }).from(sql`pairings`).where(sql`programme_id = ${id}`);
  return row?.n ?? 0;
}
