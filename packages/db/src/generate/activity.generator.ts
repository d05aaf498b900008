import { and, eq, isNull, sql } from 'drizzle-orm';
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import type { Db } from '../client.js';
import {
  assignments, attendanceDays, leaveRequests, organisations, pairingSupportUnits, pairings, persons, programmes, spotCheckResults, spotChecks, users,
} from '../schema.js';

/** What the generator needs from the API: encryption of personal data and the holiday calendar. */
export interface ActivityDeps {
  encrypt(plain: string): string;
  blindIndex(plain: string): string;
  maskIdNumber(id: string): string;
  maskPhone(phone: string): string;
  /** True on working days by the holiday calendar (holidays and rest days are not). */
  isWorkingDay(date: string): boolean;
}

export interface ActivityOptions {
  seed: number;
  /** Persons sent per pairing and support unit in each year of the programme. */
  personsPerSupportUnit: number;
  /** Only programmes of these policy codes (default: all). */
  policyCodes?: readonly string[];
  /** Attendance is written up to this date (the "today" of the dataset). */
  until: string;
  /** Rows per INSERT statement. */
  batchSize?: number;
  /** Link these demo accounts (username → index of the generated person to link, in creation order). */
  linkUsers?: readonly string[];
}

export interface ActivityCounts { persons: number; assignments: number; attendanceDays: number; leaveRequests: number; spotChecks: number; spotCheckResults: number }

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤'.split('');
const GIVEN = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉萍红娥玲芬燕彬鑫斌宇浩凯健俊帆帅旭宁龙林欣悦晨阳雪琳晶婷倩慧瑶颖丹洁蕾'.split('');
const DEPARTMENTS = ['内科', '外科', '儿科', '妇产科', '急诊科', '重症医学科', '麻醉科', '骨科', '眼科', '耳鼻咽喉科', '检验科', '影像科', '中医科', '康复科'];
const TITLES: [string, string][] = [['intermediate', '主治医师'], ['intermediate', '主管护师'], ['associate_senior', '副主任医师'], ['senior', '主任医师'], ['junior', '医师']];

const pad = (n: number, w = 2) => String(n).padStart(w, '0');
const addDays = (date: string, n: number) => new Date(Date.parse(`${date}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
const addMonths = (date: string, n: number) => {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1 + n, d)).toISOString().slice(0, 10);
};
/** Birth dates spread over 1968–1992; with the sequence digits they make every generated ID number unique. */
const BIRTH_DAYS = 9000;
const birthOf = (serial: number) => addDays('1968-01-01', (serial * 7919) % BIRTH_DAYS);

function idNumber(region: string, birth: string, seq: number): string {
  const body = `${region}${birth.replaceAll('-', '')}${pad(seq, 3)}`;
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...body].reduce((s, d, i) => s + Number(d) * weights[i]!, 0);
  return body + '10X98765432'[sum % 11]!;
}

async function insertBatched<T extends Record<string, unknown>>(db: Db, table: Parameters<Db['insert']>[0], rows: T[], size: number): Promise<void> {
  for (let i = 0; i < rows.length; i += size) await db.insert(table).values(rows.slice(i, i + size) as never);
}

/**
 * Fills the programmes already in the database with a realistic, deterministic life: persons of each
 * support unit, one-year and half-year assignments within each programme's period, a day of
 * attendance for every day on post up to `until` (mostly on duty, some leave, a few absences), the
 * short leave behind those days, and monthly spot checks by each support unit in which a few persons
 * are found absent (some twice, so the engine's consequences show). Used for the demo and the bench.
 */
export async function generateActivity(db: Db, deps: ActivityDeps, opts: ActivityOptions): Promise<ActivityCounts> {
  const rng = xoroshiro128plus(opts.seed);
  const int = (from: number, to: number) => uniformInt(rng, from, to);
  const pick = <T>(xs: readonly T[]): T => xs[int(0, xs.length - 1)]!;
  const chance = (percent: number) => int(1, 1000) <= percent * 10;
  const batch = opts.batchSize ?? 1000;

  const rows = await db.select({
    pairingId: pairings.id, recipientOrgId: pairings.recipientOrgId, supportOrgId: pairingSupportUnits.orgId, needs: pairings.needs,
    policyCode: programmes.policyCode, from: sql<string>`coalesce(${pairings.validFrom}, ${programmes.validFrom})::text`,
    to: sql<string>`coalesce(${pairings.validTo}, ${programmes.validTo})::text`, supportRegion: organisations.regionCode,
  }).from(pairings)
    .innerJoin(programmes, eq(programmes.id, pairings.programmeId))
    .innerJoin(pairingSupportUnits, eq(pairingSupportUnits.pairingId, pairings.id))
    .innerJoin(organisations, eq(organisations.id, pairingSupportUnits.orgId))
    .where(and(isNull(pairings.archivedAt)))
    .orderBy(pairings.id, pairingSupportUnits.orgId);

  const personRows: (typeof persons.$inferInsert)[] = [];
  const assignmentRows: (typeof assignments.$inferInsert & { id: string })[] = [];
  let serial = 0;
  const uuid = () => {
    const h = (n: number) => (int(0, 0xffff) ^ n).toString(16).padStart(4, '0');
    return `${h(0)}${h(1)}-${h(2)}-4${h(3).slice(1)}-a${h(4).slice(1)}-${h(5)}${h(6)}${h(7)}`;
  };
  for (const r of rows) {
    if (opts.policyCodes && !opts.policyCodes.includes(r.policyCode)) continue;
    if (!r.from || !r.to) continue;
    const firstYear = Number(r.from.slice(0, 4));
    const lastYear = Math.min(Number(r.to.slice(0, 4)), Number(opts.until.slice(0, 4)));
    for (let year = firstYear; year <= lastYear; year++) {
      for (let k = 0; k < opts.personsPerSupportUnit; k++) {
        serial++;
        const male = chance(55);
        const birth = birthOf(serial);
        const seq = Math.floor(serial / BIRTH_DAYS) * 2 + (male ? 1 : 0);
        const id = idNumber('530102', birth, seq);
        const mobile = `13${int(5, 9)}${pad(int(0, 99_999_999), 8)}`;
        const [titleLevel, title] = pick(TITLES);
        const master = chance(35);
        const personId = uuid();
        personRows.push({
          id: personId, name: `${pick(SURNAMES)}${pick(GIVEN)}${chance(50) ? pick(GIVEN) : ''}`, gender: male ? 'male' : 'female', birthMonth: birth.slice(0, 7),
          ethnicity: chance(85) ? '汉族' : pick(['彝族', '回族', '藏族', '羌族']), education: master ? 'master' : 'bachelor', degree: master ? '硕士' : '学士',
          workStartDate: `${Math.min(Number(birth.slice(0, 4)) + 24, year - 6)}-07-01`, employerOrgId: r.supportOrgId, title, titleLevel,
          specialty: pick(r.needs.length ? r.needs : DEPARTMENTS), idNumberCipher: deps.encrypt(id), idNumberIndex: deps.blindIndex(id),
          idNumberMasked: deps.maskIdNumber(id), mobileCipher: deps.encrypt(mobile), mobileMasked: deps.maskPhone(mobile),
        });
        const half = chance(30);
        let start = `${year}-${pad(k % 2 === 0 ? 3 : 9)}-01`;
        if (start < r.from) start = r.from;
        let end = addDays(addMonths(start, half ? 6 : 12), -1);
        if (end > r.to) end = r.to;
        if (start > end) continue;
        const done = end < opts.until;
        assignmentRows.push({
          id: uuid(), pairingId: r.pairingId, personId, supportOrgId: r.supportOrgId, mode: r.policyCode !== 'MY' ? 'resident' : titleLevel === 'associate_senior' || titleLevel === 'senior' ? 'interval_visits' : 'segmented_stays',
          department: pick(r.needs.length ? r.needs : DEPARTMENTS), plannedStart: start, plannedEnd: end, actualStart: start <= opts.until ? start : null,
          actualEnd: done ? end : null, batch: `${year} 年第 ${k % 2 === 0 ? '一' : '二'}批`, role: k === 0 ? 'leader' : 'member',
          insurer: chance(90) ? pick(['中国人寿', '中国平安', '中国人保']) : null, insurancePolicyNo: null,
          insuranceFrom: chance(90) ? start : null, insuranceTo: chance(90) ? end : null, safetyEducationDate: chance(92) ? addDays(start, -3) : null,
          status: done ? 'completed' : start <= opts.until ? 'on_duty' : 'planned', eligibility: [],
        });
      }
    }
  }
  const assignedPeople = new Set(assignmentRows.map((a) => a.personId));
  const keptPersons = personRows.filter((p) => assignedPeople.has(p.id!));
  for (const a of assignmentRows) if (!a.insuranceFrom || !a.insuranceTo) { a.insuranceFrom = null; a.insuranceTo = null; a.insurer = null; }

  // Attendance, leave and the absences spot checks will find.
  const dayRows: (typeof attendanceDays.$inferInsert)[] = [];
  const leaveRows: (typeof leaveRequests.$inferInsert)[] = [];
  const absentDays = new Map<string, string[]>();
  for (const a of assignmentRows) {
    if (!a.actualStart) continue;
    const last = a.actualEnd ?? opts.until;
    let leaveLeft = 0;
    for (let d = a.actualStart; d <= last; d = addDays(d, 1)) {
      if (!deps.isWorkingDay(d)) { dayRows.push({ assignmentId: a.id, date: d, status: 'rest', source: 'unit' }); continue; }
      if (leaveLeft === 0 && chance(1.2)) {
        leaveLeft = int(1, 2);
        leaveRows.push({
          assignmentId: a.id, startDate: d, endDate: d, kind: pick(['sick', 'personal', 'family'] as const), reason: pick(['感冒发热', '家中有事', '子女入学']),
          workingDays: leaveLeft, approvalsRequired: [], filingsRequired: [], status: 'closed', returnedOn: null, requestedBy: 'demo',
        });
      }
      if (leaveLeft > 0) {
        leaveLeft--;
        const l = leaveRows.at(-1)!;
        l.endDate = d;
        l.returnedOn = addDays(d, 1);
        dayRows.push({ assignmentId: a.id, date: d, status: 'leave', source: 'leave' });
        continue;
      }
      const absent = chance(0.6);
      if (absent) absentDays.set(a.id, [...(absentDays.get(a.id) ?? []), d]);
      dayRows.push({ assignmentId: a.id, date: d, status: absent ? 'absent' : chance(3) ? 'official_business' : 'on_duty', source: absent ? 'unit' : 'check_in' });
    }
  }

  // Monthly self-checks by each support unit: two persons on post, and whoever was absent that day.
  const checkRows: (typeof spotChecks.$inferInsert & { id: string })[] = [];
  const resultRows: (typeof spotCheckResults.$inferInsert)[] = [];
  const bySupport = new Map<string, typeof assignmentRows>();
  for (const a of assignmentRows) if (a.actualStart) bySupport.set(a.supportOrgId, [...(bySupport.get(a.supportOrgId) ?? []), a]);
  for (const [supportOrgId, list] of bySupport) {
    const months = new Set(list.flatMap((a) => {
      const out: string[] = [];
      for (let m = a.actualStart!.slice(0, 7); m <= (a.actualEnd ?? opts.until).slice(0, 7); m = addDays(`${m}-28`, 7).slice(0, 7)) out.push(m);
      return out;
    }));
    for (const month of [...months].sort()) {
      if (chance(15)) continue; // a month without the self-check the notice asks for
      const date = `${month}-${pad(int(3, 26))}`;
      if (date > opts.until) continue;
      const onPost = list.filter((a) => a.actualStart! <= date && (a.actualEnd ?? opts.until) >= date);
      if (onPost.length === 0) continue;
      const id = uuid();
      checkRows.push({ id, byOrgId: supportOrgId, method: pick(['video_call', 'phone'] as const), date, sampleSize: Math.min(2, onPost.length), population: { supportOrgId }, createdBy: 'demo' });
      const sample = new Set([onPost[int(0, onPost.length - 1)]!, onPost[int(0, onPost.length - 1)]!]);
      for (const a of onPost) if ((absentDays.get(a.id) ?? []).includes(date)) sample.add(a);
      for (const a of sample) {
        const absent = (absentDays.get(a.id) ?? []).includes(date);
        resultRows.push({ spotCheckId: id, assignmentId: a.id, personId: a.personId, result: absent ? 'absent' : 'present', reason: absent ? '无故不在岗' : null, reviewed: true, recordedBy: 'demo' });
      }
    }
  }

  await db.transaction(async (tx) => {
    await insertBatched(tx, persons, keptPersons, batch);
    await insertBatched(tx, assignments, assignmentRows, batch);
    await insertBatched(tx, attendanceDays, dayRows, batch * 4);
    await insertBatched(tx, leaveRequests, leaveRows, batch);
    await insertBatched(tx, spotChecks, checkRows, batch);
    await insertBatched(tx, spotCheckResults, resultRows, batch);
    for (const [i, username] of (opts.linkUsers ?? []).entries()) {
      const supportOf = (await tx.select({ orgId: users.orgId }).from(users).where(eq(users.username, username)))[0]?.orgId;
      const candidates = assignmentRows.filter((a) => a.supportOrgId === supportOf);
      const chosen = candidates.at(-1 - i) ?? candidates.at(-1);
      if (chosen) await tx.update(users).set({ personId: chosen.personId }).where(eq(users.username, username));
    }
  });
  return {
    persons: keptPersons.length, assignments: assignmentRows.length, attendanceDays: dayRows.length, leaveRequests: leaveRows.length,
    spotChecks: checkRows.length, spotCheckResults: resultRows.length,
  };
}
