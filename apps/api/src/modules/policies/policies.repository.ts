import { and, desc, eq, max, sql } from 'drizzle-orm';
import { organisations, policyVersions, programmes, regions, type DbOrTx } from '@duikou/db';
import type { Scope } from '../../core/actor.js';
import { visibleProgrammeIds } from '../../core/scope.sql.js';

export interface PolicyVersionRow {
  id: string; code: string; version: number; name: string; status: string; effectiveFrom: string | null; document: unknown;
  ownerOrgId: string | null; ownerOrgName: string | null; ownerRegionPath: string | null; regionCode: string | null; regionName: string | null; basedOnId: string | null;
  createdBy: string | null; createdAt: Date; publishedAt: Date | null; programmes: number;
}

/**
 * Versions a caller may read, by the area each governs: an office reads those of its area and below
 * and those above it (a county reads its prefecture's policy); a unit reads those above it and those
 * of the programmes it takes part in (a provincial hospital supporting a Chuxiong county reads CX).
 */
function visible(scope: Scope) {
  if (scope.kind === 'all') return undefined;
  const above = scope.regionPath ? sql`${scope.regionPath} like ${regions.path} || '%'` : sql`false`;
  if (scope.kind === 'region') return sql`(${regions.path} like ${`${scope.regionPath}%`} or ${above})`;
  return sql`(${above} or ${policyVersions.code} in (select vpg.policy_code from programmes vpg where vpg.id in (${visibleProgrammeIds(scope)})))`;
}

const columns = {
  id: policyVersions.id, code: policyVersions.code, version: policyVersions.version, name: policyVersions.name, status: policyVersions.status,
  effectiveFrom: policyVersions.effectiveFrom, document: policyVersions.document, ownerOrgId: policyVersions.ownerOrgId, ownerOrgName: organisations.name,
  ownerRegionPath: regions.path, regionCode: policyVersions.regionCode, regionName: regions.name, basedOnId: policyVersions.basedOnId, createdBy: policyVersions.createdBy, createdAt: policyVersions.createdAt,
  publishedAt: policyVersions.publishedAt,
  programmes: sql<number>`(select cast(count(*) as integer) from programmes pg where pg.policy_code = "policy_versions"."code" and pg.archived_at is null)`,
};

function base(db: DbOrTx) {
  return db.select(columns).from(policyVersions)
    .leftJoin(organisations, eq(organisations.id, policyVersions.ownerOrgId))
    .leftJoin(regions, eq(regions.code, policyVersions.regionCode));
}

export async function listPolicyVersions(db: DbOrTx, scope: Scope, code?: string): Promise<PolicyVersionRow[]> {
  return base(db).where(and(visible(scope), code ? eq(policyVersions.code, code) : undefined))
    .orderBy(policyVersions.code, desc(policyVersions.version));
}

export async function findPolicyVersion(db: DbOrTx, scope: Scope, id: string): Promise<PolicyVersionRow | undefined> {
  const rows = await base(db).where(and(visible(scope), eq(policyVersions.id, id)));
  return rows[0];
}

export async function nextVersionNumber(db: DbOrTx, code: string): Promise<number> {
  const [row] = await db.select({ v: max(policyVersions.version) }).from(policyVersions).where(eq(policyVersions.code, code));
  return (row?.v ?? 0) + 1;
}

export async function insertPolicyVersion(db: DbOrTx, values: typeof policyVersions.$inferInsert): Promise<string> {
  const [row] = await db.insert(policyVersions).values(values).returning({ id: policyVersions.id });
  return row!.id;
}

export async function updatePolicyVersion(db: DbOrTx, id: string, set: Partial<typeof policyVersions.$inferInsert>): Promise<void> {
  await db.update(policyVersions).set(set).where(eq(policyVersions.id, id));
}

export async function deletePolicyVersion(db: DbOrTx, id: string): Promise<void> {
  await db.delete(policyVersions).where(eq(policyVersions.id, id));
}
