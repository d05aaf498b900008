import type { Policy } from '../policy.schema.js';
import { CX_2018_POLICY } from './cx-2018.policy.js';
import { MY_2018_POLICY } from './my-2018.policy.js';

export { CX_2018_POLICY, MY_2018_POLICY };

/** The policies shipped with Duikou, each at version 1. */
export const SHIPPED_POLICIES: readonly Policy[] = [CX_2018_POLICY, MY_2018_POLICY];

/** The shipped policy of a code (CX, MY), or undefined. */
export function findShippedPolicy(code: string): Policy | undefined {
  return SHIPPED_POLICIES.find((p) => p.code === code);
}
