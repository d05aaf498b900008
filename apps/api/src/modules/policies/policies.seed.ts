import { SHIPPED_POLICIES } from '@duikou/policy';
import type { ShippedPolicy } from '@duikou/db';

/** The area each shipped notice governs (GB/T 2260): 楚雄彝族自治州, 绵阳市. */
const REGION_OF: Record<string, string> = { CX: '532300', MY: '510700' };

/** The engine's shipped policies (CX, MY) in the shape the database seed stores. */
export function shippedPolicySeeds(): ShippedPolicy[] {
  return SHIPPED_POLICIES.map((p) => ({ code: p.code, version: p.version, name: p.name, effectiveFrom: p.effectiveFrom, regionCode: REGION_OF[p.code]!, document: p }));
}
