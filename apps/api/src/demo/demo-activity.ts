import { generateActivity, type ActivityCounts, type Db } from '@duikou/db';
import { maskIdNumber, maskPhone } from '@duikou/contracts';
import { isWorkingDay } from '@duikou/policy';
import type { FieldCipher } from '../core/crypto.js';
import { loadCalendar } from '../modules/calendar/calendar.service.js';
import { chinaToday } from '../modules/policies/policies.service.js';

/**
 * The demo's life within both notices' programme periods (2018–2020): persons, assignments, a day of
 * attendance for every day on post, short leave and monthly self-checks with a few absences. The
 * demo staff accounts are linked to dispatched persons. Deterministic (fixed seed).
 */
export async function seedDemoActivity(db: Db, cipher: FieldCipher, now: Date): Promise<ActivityCounts> {
  const calendar = await loadCalendar(db);
  return generateActivity(db, {
    encrypt: (s) => cipher.encrypt(s), blindIndex: (s) => cipher.blindIndex(s), maskIdNumber, maskPhone,
    isWorkingDay: (d) => isWorkingDay(calendar, d),
  }, { seed: 2018, personsPerSupportUnit: 2, until: chinaToday(now), linkUsers: ['cx-staff', 'cx-leader', 'my-staff'] });
}
