import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { organisations, pairingSupportUnits, pairings, programmes, regions, type DbOrTx } from '@duikou/db';
import type { Pairing, PairingListQuery } from '@duikou/contracts';
import type { Scope } from '../../core/actor.js';
import { allOf, containsPattern, pageOf, totalCount } from '../../core/pagination.js';
import { visiblePairingIds } from '../../core/scope.sql.js';

export interface PairingRow {
  id: string; programmeId: string; programmeName: string; policyCode: string; programmeOwnerRegionPath: string | null;
  programmeValidFrom: string | null; programmeValidTo: string | null;
  recipientId: string; recipientName: string; recipientKind: string; recipientRegionCode: string | null; recipientRegionName: string | null; recipientRegionPath: string | null;
  needs: string[]; minPersonsPerSupportUnitPerYear: number | null; validFrom: string | null; validTo: string | null; remarks: string | null; archivedAt: Date | null;
}
export interface SupportUnitRow { pairingId: string; id: string; name: string; regionName: string | null }

const owner = sql`(select r.path from organisations o join regions r on r.code = o.region_code where o.id = ${programmes.ownerOrgId})`;
const columns = {
  id: pairings.id, programmeId: pairings.programmeId, programmeName: programmes.name, policyCode: programmes.policyCode,
  programmeOwnerRegionPath: sql<string | null>`${owner}`, programmeValidFrom: programmes.validFrom, programmeValidTo: programmes.validTo,
  recipientId: organisations.id, recipientName: organisations.name, recipientKind: organisations.kind,
  recipientRegionCode: organisations.regionCode, recipientRegionName: regions.name, recipientRegionPath: regions.path,
  needs: pairings.needs, minPersonsPerSupportUnitPerYear: pairings.minPersonsPerSupportUnitPerYear,
  validFrom: pairings.validFrom, validTo: pairings.validTo, remarks: pairings.remarks, archivedAt: pairings.archivedAt,
};

export function toPairing(r: PairingRow, supports: SupportUnitRow[]): Pairing {
  return {
    id: r.id, programmeId: r.programmeId, programmeName: r.programmeName, policyCode: r.policyCode,
    recipient: { id: r.recipientId, name: r.recipientName, kind: r.recipientKind, regionCode: r.recipientRegionCode, regionName: r.recipientRegionName },
    supportUnits: supports.filter((s) => s.pairingId === r.id).map(({ id, name, regionName }) => ({ id, name, regionName })),
    countyName: r.recipientRegionName,
    needs: r.needs, minPersonsPerSupportUnitPerYear: r.minPersonsPerSupportUnitPerYear,
    validFrom: r.validFrom, validTo: r.validTo, remarks: r.remarks, archived: r.archivedAt !== null,
  };
}

function baseQuery(db: DbOrTx) {
  return db.select({ ...columns, total: totalCount }).from(pairings)
    .innerJoin(programmes, eq(programmes.id, pairings.programmeId))
    .innerJoin(organisations, eq(organisations.id, pairings.recipientOrgId))
    .leftJoin(regions, eq(regions.code, organisations.regionCode));
}

const inScope = (scope: Scope) => (scope.kind === 'all' ? undefined : sql`${pairings.id} in (${visiblePairingIds(scope)})`);

export async function listPairings(db: DbOrTx, scope: Scope, q: PairingListQuery & { all?: boolean }): Promise<{ rows: PairingRow[]; total: number }> {
  const where = allOf([
    inScope(scope),
    !q.includeArchived && sql`${pairings.archivedAt} is null`,
    q.programmeId && eq(pairings.programmeId, q.programmeId),
    q.regionCode && sql`${regions.path} like (select r2.path || '%' from regions r2 where r2.code = ${q.regionCode})`,
    q.orgId && sql`(${pairings.recipientOrgId} = ${q.orgId} or exists (select 1 from pairing_support_units s where s.pairing_id = ${pairings.id} and s.org_id = ${q.orgId}))`,
    q.q && sql`(${organisations.name} ilike ${containsPattern(q.q)} or ${regions.name} ilike ${containsPattern(q.q)} or ${pairings.needs}::text ilike ${containsPattern(q.q)}
      or exists (select 1 from pairing_support_units s join organisations so on so.id = s.org_id where s.pairing_id = ${pairings.id} and so.name ilike ${containsPattern(q.q)}))`,
  ]);
  let query = baseQuery(db).where(where).orderBy(asc(programmes.name), asc(regions.path), asc(organisations.name), asc(pairings.createdAt)).$dynamic();
  if (!q.all) query = query.limit(pageOf(q).limit).offset(pageOf(q).offset);
  const rows = await query;
  return { rows, total: rows[0]?.total ?? 0 };
}

export async function findPairing(db: DbOrTx, scope: Scope, id: string): Promise<PairingRow | undefined> {
  const rows = await baseQuery(db).where(and(eq(pairings.id, id), inScope(scope)));
  return rows[0];
}

/** Support units of many pairings in one query (no N+1), in table order. */
export async function listSupportUnits(db: DbOrTx, pairingIds: string[]): Promise<SupportUnitRow[]> {
  if (pairingIds.length === 0) return [];
  return db.select({ pairingId: pairingSupportUnits.pairingId, id: organisations.id, name: organisations.name, regionName: regions.name })
    .from(pairingSupportUnits).innerJoin(organisations, eq(organisations.id, pairingSupportUnits.orgId)).leftJoin(regions, eq(regions.code, organisations.regionCode))
    .where(inArray(pairingSupportUnits.pairingId, pairingIds)).orderBy(asc(pairingSupportUnits.position));
}

/** Existing pairings of a programme keyed by recipient + sorted support units, for import matching. */
export async function listProgrammePairingKeys(db: DbOrTx, programmeId: string): Promise<Map<string, string>> {
  const rows = await db.select({ id: pairings.id, recipientOrgId: pairings.recipientOrgId, supports: sql<string[]>`array(select s.org_id::text from pairing_support_units s where s.pairing_id = ${pairings.id} order by s.org_id)` })
    .from(pairings).where(eq(pairings.programmeId, programmeId));
  return new Map(rows.map((r) => [pairingKey(r.recipientOrgId, r.supports), r.id]));
}
export const pairingKey = (recipientOrgId: string, supportOrgIds: string[]): string => `${recipientOrgId}|${[...supportOrgIds].sort().join(',')}`;

export async function insertPairing(db: DbOrTx, values: typeof pairings.$inferInsert, supportOrgIds: string[]): Promise<string> {
  const [row] = await db.insert(pairings).values(values).returning({ id: pairings.id });
  await replaceSupportUnits(db, row!.id, supportOrgIds);
  return row!.id;
}

export async function updatePairing(db: DbOrTx, id: string, set: Partial<typeof pairings.$inferInsert>): Promise<void> {
  await db.update(pairings).set(set).where(eq(pairings.id, id));
}

export async function replaceSupportUnits(db: DbOrTx, pairingId: string, orgIds: string[]): Promise<void> {
  await db.delete(pairingSupportUnits).where(eq(pairingSupportUnits.pairingId, pairingId));
  if (orgIds.length) await db.insert(pairingSupportUnits).values(orgIds.map((orgId, position) => ({ pairingId, orgId, position })));
}

export async function deletePairing(db: DbOrTx, id: string): Promise<void> {
  await db.delete(pairings).where(eq(pairings.id, id));
}
