import { createHash } from 'node:crypto';
import { isWorkingDay } from '@duikou/policy';
import { seedCalendar, seedShippedPolicies, type Database } from '@duikou/db';
import { createFieldCipher, type FieldCipher } from '../../../apps/api/src/core/crypto.js';
import { hashPassword } from '../../../apps/api/src/core/password.js';
import { loadCalendar } from '../../../apps/api/src/modules/calendar/calendar.service.js';
import { shippedPolicySeeds } from '../../../apps/api/src/modules/policies/policies.seed.js';
import { BENCH_PASSWORD, type GeneratorDeps } from './province.generator.js';

/**
 * The personal-data key of bench databases: fixed, so a server started later on the same data can
 * decrypt what the generator wrote (a bench key, not a secret; pass it as DUIKOU_DATA_KEY).
 */
export const BENCH_DATA_KEY = createHash('sha256').update('duikou-bench-data-key').digest();

/**
 * Loads what every installation has before its first user (holiday calendar, shipped policies), as
 * the server's start-up does, and returns the product's own encryption, calendar and password hash
 * for the generator.
 */
export async function prepareProduct(database: Database): Promise<{ deps: GeneratorDeps; cipher: FieldCipher }> {
  await seedCalendar(database.db);
  await seedShippedPolicies(database.db, shippedPolicySeeds());
  const cipher = createFieldCipher(BENCH_DATA_KEY);
  const calendar = await loadCalendar(database.db);
  return {
    cipher,
    deps: {
      encrypt: (s) => cipher.encrypt(s), blindIndex: (s) => cipher.blindIndex(s), isWorkingDay: (d) => isWorkingDay(calendar, d),
      passwordHash: await hashPassword(BENCH_PASSWORD),
    },
  };
}
