import { maskIdNumber, maskPhone } from '@duikou/contracts';
import { rebuildAttendanceMonthTotals, type Database } from '@duikou/db';
import { ACTIVITY_CONTENT, DEPARTMENTS, GIVEN, SURNAMES } from './names.js';
import { bulkInsert, rawSqlOf, RowSink, withIndexesDeferred, type Column } from './bulk-insert.js';
import { addDays, planPeople, schoolOf, type AssignmentPlan } from './province-people.js';
import { planStructure, type Structure } from './province-structure.js';
import type { Preset } from './presets.js';
import { createRng, type Rng } from './rng.js';

/** What the generator needs from the product: its field encryption and its holiday calendar. */
export interface GeneratorDeps {
  encrypt(plain: string): string;
  blindIndex(plain: string): string;
  /** True on working days by the holiday calendar (throws for a year with no calendar). */
  isWorkingDay(date: string): boolean;
  /** argon2id hash of the bench password, shared by every generated account. */
  passwordHash: string;
}

export interface GenerateOptions {
  preset: Preset;
  /** The China date of "today": the year of the programmes; attendance runs up to the day before. */
  today: string;
  log?: (message: string) => void;
}

export interface GeneratedCounts {
  regions: number; organisations: number; programmes: number; pairings: number; pairingSupportUnits: number; persons: number; assignments: number;
  attendanceDays: number; attendanceMonths: number; checkIns: number; leaveRequests: number; spotChecks: number; spotCheckResults: number;
  activities: number; mentorships: number; apprentices: number; agreements: number; users: number; auditEvents: number;
}

export interface OfficeAccount { username: string; role: 'province_office' | 'prefecture_office'; regionCode: string; regionName: string }
export interface GeneratedProvince {
  counts: GeneratedCounts;
  /** The province office and one account per prefecture office. */
  offices: OfficeAccount[];
  /** Staff accounts of persons on post today (username → person), for the check-in load. */
  staffOnPost: number;
  /** The prefecture whose office sees the most (the capital: provincial hospitals support all over the province). */
  busiestPrefecture: string;
  /** The recipient with the most assignments, per prefecture code and for the whole province ('530000'). */
  busiestRecipient: Record<string, string>;
}

export const BENCH_PASSWORD = 'bench-pass-2026';
export const staffUsername = (i: number): string => `bench-staff-${String(i).padStart(5, '0')}`;
export const officeUsername = (regionCode: string, province: boolean): string => (province ? 'bench-province' : `bench-pref-${regionCode}`);

const COLUMNS = {
  regions: cols('code:text name:text level:text parent_code:text path:text'),
  organisations: cols('id:uuid name:text short_name:text kind:text grade:text region_code:text admin_level:text geo_lat:float8 geo_lng:float8 geo_radius_m:int'),
  programmes: cols('id:uuid name:text owner_org_id:uuid policy_code:text document_no:text valid_from:date valid_to:date description:text'),
  pairings: cols('id:uuid programme_id:uuid recipient_org_id:uuid needs:jsonb min_persons_per_support_unit_per_year:int valid_from:date valid_to:date remarks:text'),
  pairing_support_units: cols('pairing_id:uuid org_id:uuid position:int'),
  persons: cols('id:uuid name:text gender:text birth_month:text ethnicity:text party:text education:text degree:text work_start_date:date school:text graduation_date:date employer_org_id:uuid title:text title_level:text specialty:text specialty_since:date id_number_cipher:text id_number_index:text id_number_masked:text mobile_cipher:text mobile_masked:text'),
  assignments: cols('id:uuid pairing_id:uuid person_id:uuid support_org_id:uuid mode:text department:text planned_start:date planned_end:date actual_start:date actual_end:date batch:text role:text insurer:text insurance_policy_no:text insurance_from:date insurance_to:date safety_education_date:date status:text status_reason:text eligibility:jsonb'),
  attendance_days: cols('assignment_id:uuid date:date status:text source:text updated_by:text updated_at:timestamptz'),
  attendance_months: cols('recipient_org_id:uuid month:text confirmed_at:timestamptz confirmed_by:text'),
  check_ins: cols('id:uuid client_id:text assignment_id:uuid person_id:uuid kind:text at:timestamptz date:date received_at:timestamptz lat:float8 lng:float8 accuracy_m:float8 distance_m:float8 fence:text field_reason:text sent_late:bool'),
  audit_events: cols('at:timestamptz actor_user_id:uuid actor_username:text action:text entity_type:text entity_id:text summary:text region_path:text ip:text'),
  leave_requests: cols('id:uuid assignment_id:uuid start_date:date end_date:date kind:text reason:text working_days:int approvals_required:jsonb filings_required:jsonb status:text returned_on:date requested_by:text'),
  spot_checks: cols('id:uuid by_org_id:uuid region_path:text method:text date:date seed:text sample_size:int population:jsonb created_by:text'),
  spot_check_results: cols('spot_check_id:uuid assignment_id:uuid person_id:uuid result:text reason:text reviewed:bool answered_at:timestamptz recorded_by:text'),
  activities: cols('id:uuid assignment_id:uuid kind:text setting:text channel:text date:date participants:jsonb participant_count:int content:text recorded_by:text'),
  mentorships: cols('id:uuid assignment_id:uuid year:int signed_on:date plan:text created_by:text'),
  mentorship_apprentices: cols('id:uuid mentorship_id:uuid name:text specialty_title:text department:text learning_specialty:text learning_goal:text position:int assessment_result:text assessed_on:date assessed_by:text'),
  agreements: cols('id:uuid pairing_id:uuid support_org_id:uuid year:int departments:jsonb technologies:jsonb trainee_target:int trainees:jsonb capability_targets:jsonb content:text drafted_by:text support_signed_on:date support_signed_by:text recipient_signed_on:date recipient_signed_by:text filed_on:date filed_by:text filed_copies:int created_by:text'),
  users: cols('id:uuid username:text display_name:text password_hash:text role:text org_id:uuid person_id:uuid'),
  app_meta: cols('key:text value:text'),
} satisfies Record<string, Column[]>;

function cols(spec: string): Column[] {
  return spec.split(' ').map((s) => {
    const [name, type] = s.split(':') as [string, Column['type']];
    return { name, type };
  });
}

/** 08:00 China time of a date plus minutes, as a UTC instant. */
const chinaTime = (date: string, minutes: number): Date => new Date(Date.parse(`${date}T00:00:00Z`) - 8 * 3_600_000 + minutes * 60_000);
const monthsBetween = (from: string, to: string): string[] => {
  const out: string[] = [];
  for (let m = from.slice(0, 7); m <= to.slice(0, 7); m = addDays(`${m}-28`, 7).slice(0, 7)) out.push(m);
  return out;
};

/**
 * Fills an empty, migrated Duikou database (with its calendar and shipped policies loaded) with a
 * province: the units and programmes of `planStructure`, the persons and assignments of `planPeople`,
 * and the year so far: a day of attendance per assignment and day up to yesterday (mostly on duty; rest
 * days, leave, official business and a few absences), the check-in taps and their audit events of the
 * last weeks, leave requests, confirmed months, self-checks and office spot checks, teaching and
 * guidance records, mentorships, annual agreements, and accounts for the offices and the staff on post.
 * Deterministic for a seed and a `today` (ciphertexts aside: their IVs are random).
 */
export async function generateProvince(database: Database, deps: GeneratorDeps, opts: GenerateOptions): Promise<GeneratedProvince> {
  const t0 = Date.now();
  const log = (m: string) => opts.log?.(`${((Date.now() - t0) / 1000).toFixed(1).padStart(6)} s  ${m}`);
  const sql = rawSqlOf(database);
  const rng = createRng(opts.preset.seed);
  const today = opts.today;
  const year = Number(today.slice(0, 4));
  const until = addDays(today, -1);
  const counts = {} as GeneratedCounts;

  const s = planStructure(opts.preset, rng, year);
  const { persons, assignments } = planPeople(opts.preset, rng, s, today);
  log(`规划：${s.organisations.length} 个机构、${s.pairings.length} 个对口关系、${persons.length} 名人员、${assignments.length} 条派驻`);

  await insertStructure(database, s, counts);
  await insertPersons(database, rng, deps, persons, counts);
  await insertAssignments(database, rng, assignments, counts);
  log('机构、对口关系、人员与派驻已写入');

  // Accounts: the offices, and a staff account for each person on post today (team leaders for leaders).
  const offices: OfficeAccount[] = [
    { username: officeUsername(s.province.code, true), role: 'province_office', regionCode: s.province.code, regionName: s.province.name },
    ...s.prefectures.map((p) => ({ username: officeUsername(p.region.code, false), role: 'prefecture_office' as const, regionCode: p.region.code, regionName: p.region.name })),
  ];
  const officeOrg = new Map([[s.province.code, s.provinceOffice.id], ...s.prefectures.map((p) => [p.region.code, p.office.id] as [string, string])]);
  const onPost = assignments.filter((a) => (a.status === 'on_duty' || a.status === 'planned') && a.plannedStart <= today && a.plannedEnd >= today);
  const userOf = new Map<string, { id: string; username: string }>();
  const userRows: unknown[][] = offices.map((o) => [rng.uuid(), o.username, `${o.regionName}卫健委（压测）`, deps.passwordHash, o.role, officeOrg.get(o.regionCode)!, null]);
  for (const [i, a] of onPost.entries()) {
    const u = { id: rng.uuid(), username: staffUsername(i + 1) };
    userOf.set(a.id, u);
    userRows.push([u.id, u.username, `${a.person.name}（${a.support.name}）`, deps.passwordHash, a.role === 'leader' ? 'team_leader' : 'staff', a.support.id, a.person.id]);
  }
  await bulkInsert(database, 'users', COLUMNS.users, userRows);
  counts.users = userRows.length;

  await withIndexesDeferred(database, ['attendance_days', 'check_ins', 'audit_events', 'activities'], async () => {
    const daily = await insertDailyLife(database, rng, deps, s, assignments, userOf, { today, until, checkInDays: opts.preset.checkInDays }, counts, log);
    log(`考勤 ${counts.attendanceDays} 天、打卡 ${counts.checkIns} 次、请假 ${counts.leaveRequests} 条已写入`);
    await insertSpotChecks(database, rng, s, assignments, daily, until, counts);
    await insertResults(database, rng, s, assignments, until, year, counts);
    log(`抽查 ${counts.spotChecks} 次、带教指导 ${counts.activities} 条、师带徒 ${counts.mentorships} 份、协议 ${counts.agreements} 份已写入`);
  });
  log('索引已重建');
  // The load ran with the tables' triggers off: the totals they keep are counted once here.
  await rebuildAttendanceMonthTotals(database.db);
  log('按月考勤汇总已计算');
  await bulkInsert(database, 'app_meta', COLUMNS.app_meta, [['bench_dataset', JSON.stringify({ preset: opts.preset.name, seed: opts.preset.seed, today })]]);

  // Statistics, as autovacuum would leave them, so the plans measured are the plans a live system gets.
  if (database.kind === 'postgres') await sql.query('vacuum (analyze)');
  else await sql.query('analyze');
  log('统计信息已更新（vacuum analyze）');

  const busiestRecipient: Record<string, string> = {};
  const perRecipient = new Map<string, number>();
  for (const a of assignments) perRecipient.set(a.pairing.recipient.id, (perRecipient.get(a.pairing.recipient.id) ?? 0) + 1);
  const busiest = (ids: string[]) => ids.reduce((best, id) => ((perRecipient.get(id) ?? 0) > (perRecipient.get(best) ?? 0) ? id : best), ids[0]!);
  for (const p of s.prefectures) busiestRecipient[p.region.code] = busiest(p.counties.flatMap((c) => c.recipients.map((r) => r.id)));
  busiestRecipient[s.province.code] = busiest(s.recipients.map((r) => r.id));
  return { counts, offices, staffOnPost: onPost.length, busiestPrefecture: s.prefectures[0]!.region.code, busiestRecipient };
}

async function insertStructure(database: Database, s: Structure, counts: GeneratedCounts): Promise<void> {
  await bulkInsert(database, 'regions', COLUMNS.regions, s.regions.map((r) => [r.code, r.name, r.level, r.parentCode, r.path]));
  await bulkInsert(database, 'organisations', COLUMNS.organisations, s.organisations.map((o) => [o.id, o.name, o.shortName, o.kind, o.grade, o.regionCode, o.adminLevel, o.geoLat, o.geoLng, o.geoRadiusM]));
  await bulkInsert(database, 'programmes', COLUMNS.programmes, s.programmes.map((p) => [p.id, p.name, p.ownerOrgId, p.policyCode, p.documentNo, p.validFrom, p.validTo, p.description]));
  await bulkInsert(database, 'pairings', COLUMNS.pairings, s.pairings.map((p) => [p.id, p.programme.id, p.recipient.id, p.needs, p.min, p.programme.validFrom, p.programme.validTo, null]));
  const psu = s.pairings.flatMap((p) => p.supports.map((o, i) => [p.id, o.id, i]));
  await bulkInsert(database, 'pairing_support_units', COLUMNS.pairing_support_units, psu);
  Object.assign(counts, { regions: s.regions.length, organisations: s.organisations.length, programmes: s.programmes.length, pairings: s.pairings.length, pairingSupportUnits: psu.length });
}

async function insertPersons(database: Database, rng: Rng, deps: GeneratorDeps, persons: ReturnType<typeof planPeople>['persons'], counts: GeneratedCounts): Promise<void> {
  const rows = persons.map((p) => {
    const birthYear = Number(p.birth.slice(0, 4));
    const workStart = `${birthYear + (p.education === 'bachelor' ? 23 : p.education === 'master' ? 26 : 29)}-07-01`;
    return [
      p.id, p.name, p.male ? 'male' : 'female', p.birth.slice(0, 7), p.ethnicity, rng.chance(45) ? '中共党员' : '群众', p.education,
      p.education === 'doctor' ? '博士' : p.education === 'master' ? '硕士' : '学士', workStart, schoolOf(rng), `${workStart.slice(0, 4)}-06-30`, p.employer.id,
      p.title, p.titleLevel, p.specialty, workStart, deps.encrypt(p.idNumber), deps.blindIndex(p.idNumber), maskIdNumber(p.idNumber),
      deps.encrypt(p.mobile), maskPhone(p.mobile),
    ];
  });
  await bulkInsert(database, 'persons', COLUMNS.persons, rows, 10_000);
  counts.persons = rows.length;
}

async function insertAssignments(database: Database, rng: Rng, assignments: AssignmentPlan[], counts: GeneratedCounts): Promise<void> {
  const rows = assignments.map((a) => {
    const insured = rng.chance(93);
    return [
      a.id, a.pairing.id, a.person.id, a.support.id, a.mode, a.department, a.plannedStart, a.plannedEnd, a.actualStart, a.actualEnd, a.batch, a.role,
      insured ? rng.pick(['中国人寿', '中国平安', '中国人保']) : null, insured ? `P${a.plannedStart.replaceAll('-', '')}${String(a.index).padStart(6, '0')}` : null,
      insured ? a.plannedStart : null, insured ? a.plannedEnd : null, rng.chance(95) ? addDays(a.plannedStart, -3) : null, a.status, a.statusReason, [],
    ];
  });
  await bulkInsert(database, 'assignments', COLUMNS.assignments, rows, 10_000);
  counts.assignments = rows.length;
}

/** Per assignment, the days that were not plain duty (leave, absent), for the spot checks to find. */
type DailyFacts = Map<string, Map<string, 'leave' | 'absent'>>;

async function insertDailyLife(
  database: Database, rng: Rng, deps: GeneratorDeps, s: Structure, assignments: AssignmentPlan[], userOf: Map<string, { id: string; username: string }>,
  w: { today: string; until: string; checkInDays: number }, counts: GeneratedCounts, log: (m: string) => void,
): Promise<DailyFacts> {
  const days = new RowSink(database, 'attendance_days', COLUMNS.attendance_days, 50_000);
  const taps = new RowSink(database, 'check_ins', COLUMNS.check_ins, 20_000);
  const audit = new RowSink(database, 'audit_events', COLUMNS.audit_events, 20_000);
  const leaves: { id: string; assignmentId: string; start: string; end: string; kind: string; reason: string; days: number; by: string }[] = [];
  const facts: DailyFacts = new Map();
  const tapsFrom = addDays(w.today, -w.checkInDays);
  const regionPathOf = new Map(s.regions.map((r) => [r.code, r.path]));
  const workingDay = new Map<string, boolean>();
  const isWorking = (d: string) => {
    let v = workingDay.get(d);
    if (v === undefined) workingDay.set(d, (v = deps.isWorkingDay(d)));
    return v;
  };
  let tap = 0;
  for (const a of assignments) {
    if (!a.actualStart) continue;
    const last = a.actualEnd && a.actualEnd < w.until ? a.actualEnd : w.until;
    const mine = new Map<string, 'leave' | 'absent'>();
    const user = userOf.get(a.id);
    const regionPath = regionPathOf.get(a.pairing.recipient.regionCode) ?? null;
    const recorder = user?.username ?? 'bench';
    let leaveLeft = 0;
    for (let d = a.actualStart; d <= last; d = addDays(d, 1)) {
      const at = chinaTime(d, 0);
      if (!isWorking(d)) { await days.push([a.id, d, 'rest', 'unit', recorder, at.toISOString()]); continue; }
      if (leaveLeft === 0 && rng.chance(1.2)) {
        leaveLeft = rng.int(1, 3);
        leaves.push({ id: rng.uuid(), assignmentId: a.id, start: d, end: d, kind: rng.pick(['sick', 'personal', 'family']), reason: rng.pick(['感冒发热', '家中有事', '子女入学', '陪护住院家属']), days: 0, by: recorder });
      }
      if (leaveLeft > 0) {
        leaveLeft--;
        const l = leaves.at(-1)!;
        l.end = d;
        l.days++;
        mine.set(d, 'leave');
        await days.push([a.id, d, 'leave', 'leave', recorder, at.toISOString()]);
        continue;
      }
      if (rng.chance(0.6)) {
        mine.set(d, 'absent');
        await days.push([a.id, d, 'absent', 'unit', 'bench', at.toISOString()]);
        continue;
      }
      const field = rng.chance(3);
      await days.push([a.id, d, field ? 'official_business' : 'on_duty', 'check_in', recorder, at.toISOString()]);
      if (user && d >= tapsFrom) {
        // In between 07:50 and 08:40, out between 17:30 and 18:30; a field day is 外勤 with its reason.
        const r = a.pairing.recipient;
        for (const kind of ['in', 'out'] as const) {
          const when = chinaTime(d, kind === 'in' ? rng.int(470, 520) : rng.int(1050, 1110));
          const id = rng.uuid();
          const distance = field ? rng.int(2_000, 40_000) : rng.int(5, 400);
          const late = rng.chance(2);
          const received = new Date(when.getTime() + (late ? rng.int(15, 600) * 60_000 : rng.int(200, 2_000)));
          await taps.push([id, `g${++tap}`, a.id, a.person.id, kind, when.toISOString(), d, received.toISOString(), r.geoLat! + distance / 111_000, r.geoLng, rng.int(5, 60), distance,
            field ? 'outside' : 'inside', field ? rng.pick(['赴乡镇卫生院巡回医疗', '参加县卫健局会议', '下乡义诊']) : null, late]);
          await audit.push([received.toISOString(), user.id, user.username, 'create', 'check_in', id, `${kind === 'in' ? '签到' : '签退'}（${d}${field ? '，外勤' : ''}${late ? '，离线补交' : ''}）`, regionPath, '10.0.0.1']);
        }
      }
    }
    if (mine.size) facts.set(a.id, mine);
    if (a.index % 2000 === 1999) log(`考勤：${a.index + 1}/${assignments.length} 条派驻，${days.count} 天`);
  }
  await days.close();
  await taps.close();
  await audit.close();
  // A leave still running yesterday is approved and not yet closed (销假).
  await bulkInsert(database, 'leave_requests', COLUMNS.leave_requests, leaves.map((l) => {
    const closed = l.end < w.until;
    return [l.id, l.assignmentId, l.start, l.end, l.kind, l.reason, l.days, [], [], closed ? 'closed' : 'approved', closed ? addDays(l.end, 1) : null, l.by];
  }), 10_000);

  // Months before the current one are confirmed by most recipients (the rest are late).
  const months = new Map<string, Set<string>>();
  for (const a of assignments) {
    if (!a.actualStart) continue;
    const set = months.get(a.pairing.recipient.id) ?? new Set<string>();
    for (const m of monthsBetween(a.actualStart, a.actualEnd ?? w.until)) if (m < w.today.slice(0, 7)) set.add(m);
    months.set(a.pairing.recipient.id, set);
  }
  const confirmed: unknown[][] = [];
  for (const [recipientId, set] of months) {
    for (const m of [...set].sort()) {
      if (rng.chance(8)) continue;
      confirmed.push([recipientId, m, chinaTime(addDays(`${m}-28`, rng.int(5, 9)), 600).toISOString(), 'bench']);
    }
  }
  await bulkInsert(database, 'attendance_months', COLUMNS.attendance_months, confirmed);
  Object.assign(counts, { attendanceDays: days.count, checkIns: taps.count, auditEvents: audit.count, leaveRequests: leaves.length, attendanceMonths: confirmed.length });
  return facts;
}

/**
 * Monthly self-checks of each support unit (two of its staff on post, and whoever was absent that
 * day; some months skipped, as the engine should notice) and two spot checks a month by each
 * prefecture office among the staff working in its area.
 */
async function insertSpotChecks(database: Database, rng: Rng, s: Structure, assignments: AssignmentPlan[], facts: DailyFacts, until: string, counts: GeneratedCounts): Promise<void> {
  const checks: unknown[][] = [];
  const results: unknown[][] = [];
  const onPostOn = (list: AssignmentPlan[], date: string) => list.filter((a) => a.actualStart && a.actualStart <= date && (a.actualEnd ?? until) >= date);
  const record = (checkId: string, sample: Iterable<AssignmentPlan>, date: string) => {
    for (const a of sample) {
      const fact = facts.get(a.id)?.get(date);
      results.push([checkId, a.id, a.person.id, fact === 'absent' ? 'absent' : fact === 'leave' ? 'on_leave' : 'present', fact === 'absent' ? '无故不在岗' : null, true,
        chinaTime(date, 600).toISOString(), 'bench']);
    }
  };
  const bySupport = new Map<string, AssignmentPlan[]>();
  const byPrefecture = new Map<string, AssignmentPlan[]>();
  for (const a of assignments) {
    if (!a.actualStart) continue;
    const p = a.pairing.prefecture.region.code;
    if (!bySupport.has(a.support.id)) bySupport.set(a.support.id, []);
    if (!byPrefecture.has(p)) byPrefecture.set(p, []);
    bySupport.get(a.support.id)!.push(a);
    byPrefecture.get(p)!.push(a);
  }
  const pathOf = new Map(s.regions.map((r) => [r.code, r.path]));
  for (const [supportId, list] of bySupport) {
    const from = list.reduce((m, a) => (a.actualStart! < m ? a.actualStart! : m), until);
    for (const month of monthsBetween(from, until)) {
      if (rng.chance(12)) continue;
      const date = `${month}-${String(rng.int(3, 26)).padStart(2, '0')}`;
      if (date > until) continue;
      const onPost = onPostOn(list, date);
      if (onPost.length === 0) continue;
      const id = rng.uuid();
      const sample = new Set([rng.pick(onPost), rng.pick(onPost)]);
      for (const a of onPost) if (facts.get(a.id)?.get(date) === 'absent') sample.add(a);
      const support = s.supportUnits.find((o) => o.id === supportId)!;
      checks.push([id, supportId, pathOf.get(support.regionCode) ?? null, rng.pick(['video_call', 'phone']), date, null, sample.size, { supportOrgId: supportId }, 'bench']);
      record(id, sample, date);
    }
  }
  for (const pref of s.prefectures) {
    const list = byPrefecture.get(pref.region.code) ?? [];
    for (const month of monthsBetween(`${until.slice(0, 4)}-01-01`, until)) {
      for (const day of [rng.int(3, 13), rng.int(14, 26)]) {
        const date = `${month}-${String(day).padStart(2, '0')}`;
        if (date > until) continue;
        const onPost = onPostOn(list, date);
        if (onPost.length === 0) continue;
        const size = Math.min(8, onPost.length);
        const sample = new Set<AssignmentPlan>();
        while (sample.size < size) sample.add(rng.pick(onPost));
        const id = rng.uuid();
        const seed = Array.from({ length: 16 }, () => '0123456789abcdef'[rng.int(0, 15)]).join('');
        checks.push([id, pref.office.id, pref.region.path, rng.pick(['phone', 'video_call', 'on_site']), date, seed, size, { regionCode: pref.region.code, date }, 'bench']);
        record(id, sample, date);
      }
    }
  }
  await bulkInsert(database, 'spot_checks', COLUMNS.spot_checks, checks, 10_000);
  await bulkInsert(database, 'spot_check_results', COLUMNS.spot_check_results, results, 20_000);
  Object.assign(counts, { spotChecks: checks.length, spotCheckResults: results.length });
}

/**
 * What the assistance leaves behind: a teaching or guidance record every one to three weeks on post,
 * a mentorship with one to three apprentices for two in five terms of half a year or more, and the
 * annual agreement of each pairing and support unit (signed by both, most of them filed).
 */
async function insertResults(database: Database, rng: Rng, s: Structure, assignments: AssignmentPlan[], until: string, year: number, counts: GeneratedCounts): Promise<void> {
  const kinds = Object.keys(ACTIVITY_CONTENT);
  const activities = new RowSink(database, 'activities', COLUMNS.activities, 20_000);
  const mentorships: unknown[][] = [];
  const apprentices: unknown[][] = [];
  const person = () => `${rng.pick(SURNAMES)}${rng.pick(GIVEN)}${rng.chance(50) ? rng.pick(GIVEN) : ''}`;
  for (const a of assignments) {
    if (!a.actualStart) continue;
    const last = a.actualEnd && a.actualEnd < until ? a.actualEnd : until;
    for (let d = addDays(a.actualStart, rng.int(3, 10)); d <= last; d = addDays(d, rng.int(7, 21))) {
      const kind = rng.pick(kinds);
      const participants = Array.from({ length: rng.int(1, 6) }, person);
      await activities.push([rng.uuid(), a.id, kind, kind === 'remote_guidance' ? 'off_site' : 'on_site', kind === 'remote_guidance' ? rng.pick(['video', 'wechat', 'phone']) : null, d,
        participants, participants.length + rng.int(0, 20), rng.pick(ACTIVITY_CONTENT[kind]!), 'bench']);
    }
    const months = (Date.parse(a.actualEnd ?? a.plannedEnd) - Date.parse(a.actualStart)) / (30 * 86_400_000);
    if (months >= 5.5 && rng.chance(40)) {
      const id = rng.uuid();
      mentorships.push([id, a.id, year, addDays(a.actualStart, rng.int(7, 20)), `围绕${a.department}常见病、多发病诊疗规范开展一对一带教`, 'bench']);
      const done = a.actualEnd !== null && a.actualEnd <= until;
      for (let k = 0; k < rng.int(1, 3); k++) {
        apprentices.push([rng.uuid(), id, person(), rng.pick(['住院医师', '主治医师', '护师', '主管护师']), a.department, a.department, `独立开展${a.department}常见病规范诊疗`, k,
          done ? (rng.chance(92) ? 'passed' : 'failed') : null, done ? a.actualEnd : null, done ? 'bench' : null]);
      }
    }
  }
  await activities.close();
  await bulkInsert(database, 'mentorships', COLUMNS.mentorships, mentorships, 10_000);
  await bulkInsert(database, 'mentorship_apprentices', COLUMNS.mentorship_apprentices, apprentices, 10_000);
  const agreements = s.pairings.flatMap((p) => p.supports.map((o) => {
    const signed = `${year}-0${rng.int(1, 3)}-${String(rng.int(10, 28)).padStart(2, '0')}`;
    const filed = rng.chance(85);
    return [rng.uuid(), p.id, o.id, year, p.needs, p.needs.map((n) => ({ name: `${n}适宜技术推广`, target: '年内独立开展' })), rng.int(2, 8),
      [{ name: person(), department: rng.pick(DEPARTMENTS) }], [{ item: '二级医院医疗服务能力基本标准', target: '达标' }],
      `${o.name}对口帮扶${p.recipient.name}${year}年度目标责任书`, 'bench', signed, 'bench', addDays(signed, rng.int(1, 10)), 'bench',
      filed ? addDays(signed, 20) : null, filed ? 'bench' : null, filed ? 3 : null, 'bench'];
  }));
  await bulkInsert(database, 'agreements', COLUMNS.agreements, agreements, 10_000);
  Object.assign(counts, { activities: activities.count, mentorships: mentorships.length, apprentices: apprentices.length, agreements: agreements.length });
}
