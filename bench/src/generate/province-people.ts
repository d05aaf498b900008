import type { Rng } from './rng.js';
import type { Preset } from './presets.js';
import type { OrgRow, PairingRow, Structure } from './province-structure.js';
import { DEPARTMENTS, ETHNIC_MINORITIES, GIVEN, SCHOOLS, SURNAMES, TITLES } from './names.js';

export interface PersonPlan {
  id: string; serial: number; name: string; male: boolean; birth: string; idNumber: string; mobile: string; employer: OrgRow;
  titleLevel: string; title: string; education: 'bachelor' | 'master' | 'doctor'; specialty: string; ethnicity: string;
}
export interface AssignmentPlan {
  id: string; index: number; pairing: PairingRow; support: OrgRow; person: PersonPlan; mode: string; department: string;
  plannedStart: string; plannedEnd: string; actualStart: string | null; actualEnd: string | null; status: string; statusReason: string | null;
  role: 'leader' | 'member'; batch: string;
}

export const addDays = (date: string, n: number): string => new Date(Date.parse(`${date}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
export const addMonths = (date: string, n: number): string => {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1 + n, d)).toISOString().slice(0, 10);
};
const pad = (n: number, w = 2): string => String(n).padStart(w, '0');

/** A valid GB 11643 citizen ID number (check digit included); serial keeps every one unique. */
export function idNumberOf(regionCode: string, serial: number, male: boolean): { idNumber: string; birth: string } {
  // 7919 is prime, so serial → (birth day, sequence) never repeats below 10,000 × 500 serials.
  const birth = addDays('1966-01-01', (serial * 7919) % 10_000);
  const seq = Math.floor(serial / 10_000) * 2 + (male ? 1 : 0);
  const body = `${regionCode}${birth.replaceAll('-', '')}${pad(seq, 3)}`;
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...body].reduce((s, d, i) => s + Number(d) * weights[i]!, 0);
  return { idNumber: body + '10X98765432'[sum % 11]!, birth };
}

/** A registered person of a support unit, with every field of MY attachment 2 the forms print. */
export function planPerson(rng: Rng, serial: number, employer: OrgRow, specialties: readonly string[]): PersonPlan {
  const male = rng.chance(52);
  const { idNumber, birth } = idNumberOf(employer.regionCode, serial, male);
  const [titleLevel, title] = rng.pick(TITLES);
  const r = rng.next();
  return {
    id: rng.uuid(), serial, name: `${rng.pick(SURNAMES)}${rng.pick(GIVEN)}${rng.chance(60) ? rng.pick(GIVEN) : ''}`, male, birth, idNumber,
    mobile: `1${rng.pick(['3', '5', '7', '8', '9'])}${rng.int(0, 9)}${pad(rng.int(0, 99_999_999), 8)}`, employer, titleLevel, title,
    education: r < 0.1 ? 'doctor' : r < 0.45 ? 'master' : 'bachelor', specialty: rng.pick(specialties.length ? specialties : DEPARTMENTS),
    ethnicity: rng.chance(80) ? '汉族' : rng.pick(ETHNIC_MINORITIES),
  };
}

export function schoolOf(rng: Rng): string { return rng.pick(SCHOOLS); }

/** Start, length in months and share of each batch of the year (shares add up to 100). */
const TERMS: readonly { start: string; months: number; percent: number; batch: string }[] = [
  { start: '01-05', months: 12, percent: 57, batch: '第一批（全年）' },
  { start: '03-02', months: 12, percent: 12, batch: '第二批（全年）' },
  { start: '01-05', months: 6, percent: 8, batch: '第一批（上半年）' },
  { start: '07-01', months: 6, percent: 8, batch: '第三批（下半年）' },
  { start: '07-01', months: 12, percent: 6, batch: '第三批（全年）' },
  { start: '09-01', months: 6, percent: 5, batch: '第四批' },
  { start: '12-01', months: 6, percent: 4, batch: '第五批' },
];

/**
 * Persons and assignments of the year: the assignments spread evenly over every (pairing, support
 * unit), one person each, in the batches above; terms up to `today` are on duty or completed, 1 % are
 * recalled early. Extra registered persons are never dispatched.
 */
export function planPeople(preset: Preset, rng: Rng, s: Structure, today: string): { persons: PersonPlan[]; assignments: AssignmentPlan[] } {
  const year = Number(today.slice(0, 4));
  const slots = s.pairings.flatMap((pairing) => pairing.supports.map((support) => ({ pairing, support })));
  const base = Math.floor(preset.assignments / slots.length);
  const extra = new Set<number>();
  while (extra.size < preset.assignments - base * slots.length) extra.add(rng.int(0, slots.length - 1));
  const persons: PersonPlan[] = [];
  const assignments: AssignmentPlan[] = [];
  let serial = 0;
  for (const [i, { pairing, support }] of slots.entries()) {
    const count = base + (extra.has(i) ? 1 : 0);
    for (let k = 0; k < count; k++) {
      const person = planPerson(rng, ++serial, support, pairing.needs);
      persons.push(person);
      let roll = rng.int(0, 99);
      const term = TERMS.find((t) => (roll -= t.percent) < 0) ?? TERMS[0]!;
      const plannedStart = `${year}-${term.start}`;
      const plannedEnd = addDays(addMonths(plannedStart, term.months), -1);
      const started = plannedStart < today;
      let actualEnd: string | null = plannedEnd < today ? plannedEnd : null;
      let status = !started ? 'planned' : actualEnd ? 'completed' : 'on_duty';
      let statusReason: string | null = null;
      if (started && rng.chance(1)) {
        const lastDay = addDays(plannedStart, rng.int(20, 120));
        if (lastDay < today) { actualEnd = lastDay; status = 'recalled'; statusReason = rng.pick(['本人健康原因，派出单位召回', '家庭变故，经批准提前结束', '违反纪律，派出单位召回']); }
      }
      const mode = pairing.programme.policyCode === 'CX' ? 'resident'
        : person.titleLevel === 'senior' || person.titleLevel === 'associate_senior' ? 'interval_visits' : 'segmented_stays';
      assignments.push({
        id: rng.uuid(), index: assignments.length, pairing, support, person, mode, department: rng.pick(pairing.needs), plannedStart, plannedEnd,
        actualStart: started ? plannedStart : null, actualEnd, status, statusReason, role: k === 0 ? 'leader' : 'member', batch: `${year} 年${term.batch}`,
      });
    }
  }
  const extraPersons = Math.round((persons.length * preset.extraPersonsPercent) / 100);
  for (let i = 0; i < extraPersons; i++) {
    const employer = s.supportUnits[i % s.supportUnits.length]!;
    persons.push(planPerson(rng, ++serial, employer, DEPARTMENTS));
  }
  return { persons, assignments };
}
