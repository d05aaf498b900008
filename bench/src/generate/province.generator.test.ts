import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseIdNumber } from '@duikou/contracts';
import { openDatabase, type Database } from '@duikou/db';
import { isWorkingDay } from '@duikou/policy';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../../apps/api/src/app.js';
import type { FieldCipher } from '../../../apps/api/src/core/crypto.js';
import { loadCalendar } from '../../../apps/api/src/modules/calendar/calendar.service.js';
import { openSessions } from '../run/sessions.js';
import { rawSqlOf, type RawSql } from './bulk-insert.js';
import { PRESETS } from './presets.js';
import { addDays, planPeople } from './province-people.js';
import { planStructure } from './province-structure.js';
import { generateProvince, staffUsername, type GeneratedProvince } from './province.generator.js';
import { prepareProduct } from './product.js';
import { createRng } from './rng.js';

// Only the dataset's consistency is checked here; timings belong to `npm run bench`, never to tests.
const TODAY = '2026-11-23';
const YESTERDAY = addDays(TODAY, -1);
const preset = PRESETS.tiny;

let database: Database;
let sql: RawSql;
let cipher: FieldCipher;
let result: GeneratedProvince;
const one = async <T>(text: string, params?: unknown[]): Promise<T> => (await sql.query<T>(text, params)).rows[0]!;
const count = async (text: string, params?: unknown[]): Promise<number> => Number((await one<{ n: number | string }>(text, params)).n);

beforeAll(async () => {
  database = await openDatabase({ memory: true });
  sql = rawSqlOf(database);
  const product = await prepareProduct(database);
  cipher = product.cipher;
  result = await generateProvince(database, product.deps, { preset, today: TODAY });
});
afterAll(async () => database?.close());

describe('province generator (tiny preset)', () => {
  it('writes what it reports, through the product schema', async () => {
    const tables: Record<string, string> = {
      regions: 'regions', organisations: 'organisations', programmes: 'programmes', pairings: 'pairings', pairingSupportUnits: 'pairing_support_units',
      persons: 'persons', assignments: 'assignments', attendanceDays: 'attendance_days', attendanceMonths: 'attendance_months', checkIns: 'check_ins',
      leaveRequests: 'leave_requests', spotChecks: 'spot_checks', spotCheckResults: 'spot_check_results', activities: 'activities', mentorships: 'mentorships',
      apprentices: 'mentorship_apprentices', agreements: 'agreements', users: 'users', auditEvents: 'audit_events',
    };
    for (const [key, table] of Object.entries(tables)) {
      expect(await count(`select count(*) as n from ${table}`), table).toBe(result.counts[key as keyof typeof result.counts]);
    }
    expect(result.counts.assignments).toBe(preset.assignments);
    expect(result.counts.pairings).toBe(preset.recipients * 2);
    expect(result.counts.persons).toBe(preset.assignments + Math.round((preset.assignments * preset.extraPersonsPercent) / 100));
    for (const key of ['attendanceDays', 'checkIns', 'leaveRequests', 'spotChecks', 'activities', 'mentorships', 'agreements'] as const) expect(result.counts[key], key).toBeGreaterThan(0);
  });

  it('keeps each assignment within its pairing, support unit, employer and programme period', async () => {
    expect(await count(`select count(*) as n from assignments a where not exists (
      select 1 from pairing_support_units s where s.pairing_id = a.pairing_id and s.org_id = a.support_org_id)`)).toBe(0);
    expect(await count('select count(*) as n from assignments a join persons p on p.id = a.person_id where p.employer_org_id <> a.support_org_id')).toBe(0);
    expect(await count(`select count(*) as n from assignments a join pairings p on p.id = a.pairing_id join programmes g on g.id = p.programme_id
      where a.planned_start < g.valid_from or a.planned_end > g.valid_to or a.planned_start > a.planned_end`)).toBe(0);
    expect(await count('select count(*) - count(distinct person_id) as n from assignments')).toBe(0);
    // Statuses agree with the dates as of today.
    expect(await count(`select count(*) as n from assignments where not (
      (status = 'planned' and actual_start is null and planned_start >= $1) or (status = 'on_duty' and actual_start is not null and actual_end is null and planned_end >= $1)
      or (status = 'completed' and actual_end = planned_end and planned_end < $1) or (status = 'recalled' and actual_end < $1 and status_reason is not null))`, [TODAY])).toBe(0);
    expect(await count(`select count(*) as n from pairings p join organisations o on o.id = p.recipient_org_id where o.admin_level <> 'county' or o.geo_radius_m is null`)).toBe(0);
  });

  it('gives every day on post up to yesterday exactly one attendance row, by the holiday calendar', async () => {
    const calendar = await loadCalendar(database.db);
    const terms = (await sql.query<{ id: string; start: string; last: string }>(
      `select id, actual_start::text as start, least(coalesce(actual_end, $1::date), $1::date)::text as last from assignments where actual_start is not null`, [YESTERDAY])).rows;
    const days = (await sql.query<{ assignment_id: string; date: string; status: string }>('select assignment_id, date::text as date, status from attendance_days')).rows;
    const byAssignment = new Map<string, Map<string, string>>();
    for (const d of days) byAssignment.set(d.assignment_id, (byAssignment.get(d.assignment_id) ?? new Map()).set(d.date, d.status));
    let expected = 0;
    for (const t of terms) {
      const mine = byAssignment.get(t.id) ?? new Map<string, string>();
      for (let d = t.start; d <= t.last; d = addDays(d, 1)) {
        expected++;
        const status = mine.get(d);
        expect(status, `${t.id} ${d}`).toBeDefined();
        expect(status === 'rest', `${d} rest day`).toBe(!isWorkingDay(calendar, d));
      }
    }
    expect(days.length).toBe(expected);
    // Each leave covers leave days only, within its assignment's attendance.
    expect(await count(`select count(*) as n from leave_requests l join attendance_days d on d.assignment_id = l.assignment_id and d.date between l.start_date and l.end_date
      where d.status not in ('leave', 'rest')`)).toBe(0);
    expect(await count(`select count(*) as n from leave_requests l where l.working_days <> (select count(*) from attendance_days d
      where d.assignment_id = l.assignment_id and d.date between l.start_date and l.end_date and d.status = 'leave')`)).toBe(0);
  });

  it('links check-ins, sessions and spot checks to the right persons', async () => {
    expect(await count(`select count(*) as n from check_ins c join assignments a on a.id = c.assignment_id where a.person_id <> c.person_id`)).toBe(0);
    expect(await count(`select count(*) as n from check_ins c where c.date >= $1 or c.date < $2 or not exists (
      select 1 from attendance_days d where d.assignment_id = c.assignment_id and d.date = c.date and d.source = 'check_in')`, [TODAY, addDays(TODAY, -preset.checkInDays)])).toBe(0);
    expect(await count(`select count(*) as n from check_ins c where not exists (select 1 from audit_events e where e.entity_type = 'check_in' and e.entity_id = c.id::text)`)).toBe(0);
    // One staff account per person on post today, linked to that person.
    expect(result.staffOnPost).toBe(await count(`select count(*) as n from assignments where status in ('planned', 'on_duty') and planned_start <= $1 and planned_end >= $1`, [TODAY]));
    expect(await count(`select count(*) as n from users u join assignments a on a.person_id = u.person_id and a.support_org_id = u.org_id
      where u.role in ('staff', 'team_leader') and a.planned_start <= $1 and a.planned_end >= $1`, [TODAY])).toBe(result.staffOnPost);
    expect(await count(`select count(*) as n from spot_check_results r join assignments a on a.id = r.assignment_id where a.person_id <> r.person_id`)).toBe(0);
    expect(await count(`select count(*) as n from spot_check_results r join attendance_days d on d.assignment_id = r.assignment_id
      join spot_checks s on s.id = r.spot_check_id and s.date = d.date where (r.result = 'absent') <> (d.status = 'absent')`)).toBe(0);
  });

  it('stores personal data the product can decrypt, with valid ID numbers matching birth month and gender', async () => {
    const rows = (await sql.query<{ birth_month: string; gender: string; id_number_cipher: string; id_number_index: string; mobile_cipher: string; mobile_masked: string }>(
      'select birth_month, gender, id_number_cipher, id_number_index, mobile_cipher, mobile_masked from persons')).rows;
    for (const r of rows) {
      const id = cipher.decrypt(r.id_number_cipher);
      const parsed = parseIdNumber(id);
      expect(parsed.ok, id).toBe(true);
      if (parsed.ok) {
        expect(parsed.facts.birthDate.slice(0, 7)).toBe(r.birth_month);
        expect(parsed.facts.gender).toBe(r.gender);
      }
      expect(cipher.blindIndex(id)).toBe(r.id_number_index);
      const mobile = cipher.decrypt(r.mobile_cipher);
      expect(mobile).toMatch(/^1[3-9]\d{9}$/);
      expect(r.mobile_masked).toBe(`${mobile.slice(0, 3)}****${mobile.slice(-4)}`);
    }
  });

  it('is deterministic for a seed', async () => {
    const plan = () => {
      const rng = createRng(preset.seed);
      const s = planStructure(preset, rng, 2026);
      const p = planPeople(preset, rng, s, TODAY);
      return { orgs: s.organisations.map((o) => `${o.id} ${o.name}`), assignments: p.assignments.map((a) => `${a.id} ${a.person.idNumber} ${a.plannedStart} ${a.status}`) };
    };
    const first = plan();
    expect(plan()).toEqual(first);
    const stored = (await sql.query<{ id: string }>('select id from assignments order by id')).rows.map((r) => r.id);
    expect(stored).toEqual(first.assignments.map((a) => a.split(' ')[0]).sort());
  });

  it('is read by the product: a staff session checks in, the offices see their area', async () => {
    const app: FastifyInstance = await buildApp({
      database, cipher, logger: false, clock: { now: () => new Date(`${TODAY}T02:00:00Z`) },
      config: { port: 0, host: '127.0.0.1', dataDir: '/nonexistent', demo: false, cookieSecure: false, logLevel: 'silent' },
    });
    try {
      const [staff, province, prefecture] = await openSessions(database, [staffUsername(1), result.offices[0]!.username, result.offices[1]!.username]);
      const tap = await app.inject({ method: 'POST', url: '/api/check-ins', headers: { cookie: staff! }, payload: { clientId: 'bench-test-0001', kind: 'in', at: `${TODAY}T01:30:00Z` } });
      expect(tap.statusCode, tap.body).toBe(201);
      const home = await app.inject({ method: 'GET', url: '/api/home/summary', headers: { cookie: province! } });
      expect(home.statusCode, home.body).toBe(200);
      expect(home.json()).toMatchObject({ pairings: result.counts.pairings, programmes: result.counts.programmes });
      const mine = await app.inject({ method: 'GET', url: '/api/home/summary', headers: { cookie: prefecture! } });
      expect(mine.json().pairings).toBeLessThan(result.counts.pairings);
      const month = await app.inject({ method: 'GET', url: `/api/attendance/months/${TODAY.slice(0, 7)}?recipientOrgId=${result.busiestRecipient[result.offices[0]!.regionCode]}`, headers: { cookie: province! } });
      expect(month.statusCode, month.body).toBe(200);
      expect(month.json().rows.length).toBeGreaterThan(0);
    } finally {
      await app.close();
    }
  });
});
