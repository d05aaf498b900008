import { policyVersions } from '../schema.js';
import type { Db } from '../client.js';

export interface ShippedPolicy { code: string; version: number; name: string; effectiveFrom: string; regionCode: string; document: unknown }

/** Stores the policies shipped with Duikou (CX, MY) as published platform-wide versions, once. */
export async function seedShippedPolicies(db: Db, policies: readonly ShippedPolicy[]): Promise<string[]> {
  const added: string[] = [];
  for (const p of policies) {
    const rows = await db.insert(policyVersions).values({
      code: p.code, version: p.version, name: p.name, regionCode: p.regionCode, status: 'published', effectiveFrom: p.effectiveFrom,
      document: p.document as object, ownerOrgId: null, createdBy: 'system', publishedBy: 'system', publishedAt: new Date(),
    }).onConflictDoNothing().returning({ id: policyVersions.id });
    if (rows.length) added.push(`${p.code} v${p.version}`);
  }
  return added;
}
