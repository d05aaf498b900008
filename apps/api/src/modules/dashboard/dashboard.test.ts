import { sql } from 'drizzle-orm';
import { attendanceDays, rowsOf, spotCheckResults, spotChecks } from '@duikou/db';
import { isWorkingDay } from '@duikou/policy';
import type { Dashboard } from '@duikou/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatchCxDoctors, dispatchCxStaff } from '../../test/dispatch.fixture.js';
import { createTestApp, testDatabases, type TestApp } from '../../test/test-app.js';
import { loadCalendar } from '../calendar/calendar.service.js';
import { settleRefreshes } from './dashboard-cache.js';
import { countJudged, traceWrites } from './dashboard.repository.js';
import { lastTwelveMonths, rankAttention, VERDICTS_REFRESH_MS } from './dashboard.service.js';

const nextDay = (d: string) => new Date(Date.parse(`${d}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
function* days(from: string, to: string) {
  for (let d = from; d <= to; d = nextDay(d)) yield d;
}

const TODAY = '2026-11-23'; // the test clock (a Monday)
const CX = '530000/532300/';
const WUDING = '532329';

describe('dashboard helpers', () => {
  it('lists the 12 months ending with the current one', () => {
    expect(lastTwelveMonths('2026-11-23')).toEqual(['2025-12', '2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10', '2026-11']);
    expect(lastTwelveMonths('2027-01-05')[0]).toBe('2026-02');
  });
  it('ranks by severity, then count, and drops empty items', () => {
    const item = (key: string, severity: 'high' | 'medium' | 'low', count: number) => ({ key, severity, count, title: key, explanation: '', link: '/', ruleId: null });
    expect(rankAttention([item('a', 'medium', 9), item('b', 'high', 1), item('c', 'high', 3), item('d', 'low', 0)]).map((i) => i.key)).toEqual(['c', 'b', 'a']);
  });
});

// Three CX doctors at 武定县人民医院 (the demo's records are 2018–2020, so today's figures are theirs only):
// 李医生 (cx-staff) asks for leave that has already begun; 王医生 is on duty today with a spot-check absence;
// 赵医生 was recorded absent every working day, so her on-site days can no longer be met.
describe.each(testDatabases())('dashboard on %s', (kind) => {
  let t: TestApp;
  let office: string;
  let li: Awaited<ReturnType<typeof dispatchCxStaff>>;
  const a = { wang: '', zhao: '' };
  let leaveId = '';
  let zhaoAbsent: string[] = [];

  const dashboard = async (cookie: string, query = '') => {
    const res = await t.request('GET', `/api/dashboard${query}`, { cookie });
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as Dashboard;
  };
  /**
   * An audited write by the office user itself (as an approval made from the dashboard records), of a
   * kind and naming an entity or none. A programme's write makes the next view compute everything.
   */
  const ownWrite = (entityType = 'attendance', entityId: string | null = null) => t.database.db.execute(sql`insert into audit_events (action, entity_type, entity_id, summary, actor_user_id)
    select 'update', ${entityType}, ${entityId}, 'test: the office writes', id from users where username = 'cx-office'`);
  const count = async (q: ReturnType<typeof sql>) => Number(rowsOf<{ n: number | string }>(await t.database.db.execute(q))[0]!.n);

  beforeAll(async () => {
    t = await createTestApp(kind);
    li = await dispatchCxStaff(t, { start: '2026-07-01', end: '2026-12-31' });
    office = await t.login('cx-office');
    Object.assign(a, await dispatchCxDoctors(t, li.pairingId, 71, [['wang', '王医生', '2026-07-01', '2026-12-31'], ['zhao', '赵医生', '2026-06-01', '2026-11-30']] as const));
    const calendar = await loadCalendar(t.database.db);
    const working = (from: string, to: string) => [...days(from, to)].filter((d) => isWorkingDay(calendar, d));
    zhaoAbsent = working('2026-06-01', TODAY);
    await t.database.db.insert(attendanceDays).values([
      ...working('2026-07-01', TODAY).map((date) => ({ assignmentId: a.wang, date, status: 'on_duty', source: 'unit' })),
      ...zhaoAbsent.map((date) => ({ assignmentId: a.zhao, date, status: 'absent', source: 'unit' })),
    ]);
    // The prefecture office found 王医生 away in a spot check this month.
    const [check] = await t.database.db.insert(spotChecks).values({ byOrgId: (await t.request('GET', '/api/auth/me', { cookie: office })).json().org.id, method: 'phone', date: '2026-11-10', createdBy: 'cx-office', regionPath: CX }).returning();
    const wangPerson = (await t.request('GET', `/api/assignments/${a.wang}`, { cookie: office })).json().personId;
    await t.database.db.insert(spotCheckResults).values({ spotCheckId: check!.id, assignmentId: a.wang, personId: wangPerson, result: 'absent', reason: '未接电话' });

    // 李医生's leave began last Monday; the director and the province have approved, the prefecture has not.
    const staff = await t.login('cx-staff');
    const leave = await t.request('POST', '/api/leave-requests', { cookie: staff, body: { startDate: '2026-11-16', endDate: '2026-11-24', kind: 'family', reason: '家中老人住院' } });
    expect(leave.statusCode, leave.body).toBe(201);
    leaveId = leave.json().id;
    for (const who of ['cx-recipient', 'yn-province']) {
      const d = await t.request('POST', `/api/leave-requests/${leaveId}/decision`, { cookie: await t.login(who), body: { decision: 'approve' } });
      expect(d.statusCode, d.body).toBe(200);
    }
    expect((await t.request('GET', `/api/leave-requests/${leaveId}`, { cookie: office })).json().awaiting).toBe('prefecture_office');
  });
  afterAll(async () => { await t?.close(); });

  it('gives the same figures as counting the records directly', async () => {
    const d = await dashboard(office);
    expect(d.scope).toMatchObject({ kind: 'region', regionCode: '532300' });
    expect(d.asOf).toBe(TODAY);
    const inCx = sql`a.pairing_id in (select p.id from pairings p join organisations o on o.id = p.recipient_org_id join regions r on r.code = o.region_code where r.path like ${`${CX}%`})`;
    const running = sql`a.status in ('planned', 'on_duty') and coalesce(a.actual_start, a.planned_start) <= ${TODAY} and coalesce(a.actual_end, a.planned_end) >= ${TODAY} and a.archived_at is null`;
    const dispatched = await count(sql`select count(distinct a.person_id) as n from assignments a where ${inCx} and ${running}`);
    const onPost = await count(sql`select count(distinct a.person_id) as n from assignments a join attendance_days d on d.assignment_id = a.id and d.date = ${TODAY}
      where ${inCx} and ${running} and d.status in ('on_duty', 'official_business')`);
    const absent = await count(sql`select count(distinct a.person_id) as n from assignments a join attendance_days d on d.assignment_id = a.id and d.date = ${TODAY}
      where ${inCx} and ${running} and d.status = 'absent'`);
    const noRecord = await count(sql`select count(distinct a.person_id) as n from assignments a where ${inCx} and ${running} and a.mode = 'resident'
      and not exists (select 1 from attendance_days d where d.assignment_id = a.id and d.date = ${TODAY})
      and not exists (select 1 from leave_requests l where l.assignment_id = a.id and l.status = 'approved' and l.start_date <= ${TODAY} and l.end_date >= ${TODAY})`);
    expect(d.today).toEqual({ dispatched, onPost, onLeave: 0, absent, notCheckedIn: noRecord, workingDay: true });
    expect(d.today).toMatchObject({ dispatched: 3, onPost: 1, absent: 1, notCheckedIn: 1 });

    // Trends: attendance and spot-check absences per month, straight from the tables.
    for (const p of d.trend) {
      const [y, m] = p.month.split('-').map(Number);
      const end = new Date(Date.UTC(y!, m!, 0)).toISOString().slice(0, 10);
      const last = end < TODAY ? end : TODAY;
      expect(p.onSiteDays, p.month).toBe(await count(sql`select count(*) as n from attendance_days d join assignments a on a.id = d.assignment_id
        where ${inCx} and a.archived_at is null and d.date between ${`${p.month}-01`} and ${last} and d.status in ('on_duty', 'official_business')`));
      expect(p.leaveDays, p.month).toBe(await count(sql`select count(*) as n from attendance_days d join assignments a on a.id = d.assignment_id
        where ${inCx} and a.archived_at is null and d.date between ${`${p.month}-01`} and ${last} and d.status = 'leave'`));
      expect(p.spotCheckAbsences, p.month).toBe(await count(sql`select count(*) as n from spot_check_results r join spot_checks c on c.id = r.spot_check_id join assignments a on a.id = r.assignment_id
        where ${inCx} and c.date between ${`${p.month}-01`} and ${last} and r.result = 'absent'`));
    }
    expect(d.trend.find((p) => p.month === '2026-11')!.spotCheckAbsences).toBe(1);

    // Overdue approvals: pending, and waiting 3 days or already begun.
    const overdue = await count(sql`select count(*) as n from leave_requests l join assignments a on a.id = l.assignment_id
      where ${inCx} and l.status = 'pending' and (l.start_date <= ${TODAY} or l.created_at < ${new Date(Date.parse(`${TODAY}T02:00:00Z`) - 3 * 86_400_000).toISOString()})`);
    expect(d.figures).toMatchObject({ overdueApprovals: overdue, overdueApprovalsMine: overdue });
    expect(overdue).toBe(1);

    // The on-site verdicts are the at-risk list's.
    const atRisk = (await t.request('GET', '/api/progress/at-risk?pageSize=100', { cookie: office })).json();
    expect(d.figures.atRisk + d.figures.onSiteUnmet).toBe(atRisk.total);
    expect(d.figures.onSiteUnmet).toBe(atRisk.items.filter((i: { status: string }) => i.status === 'unmet').length);
    expect(d.figures.notJudged).toBe(atRisk.skippedTotal);

    // By county: every county of 楚雄州; 武定县 holds all three.
    expect(d.comparison.level).toBe('region');
    expect(d.comparison.rows.length).toBe(await count(sql`select count(*) as n from regions where parent_code = '532300'`));
    const wuding = d.comparison.rows.find((r) => r.regionCode === WUDING)!;
    expect(wuding).toMatchObject({ name: '武定县', dispatched: 3, onPost: 1, absent: 1, notCheckedIn: 1, spotCheckAbsences: 1 });
    expect(wuding.onSiteDays).toBe(d.trend.reduce((s, p) => s + p.onSiteDays, 0));
    expect(wuding.atRisk).toBe(atRisk.total);
  });

  it('drills down from the prefecture to a county, its units and their persons', async () => {
    const county = await dashboard(office, `?regionCode=${WUDING}`);
    expect(county.scope).toMatchObject({ kind: 'region', name: '武定县' });
    expect(county.crumbs.map((c) => c.name)).toEqual(['楚雄彝族自治州', '武定县']);
    expect(county.comparison.level).toBe('unit');
    const unit = county.comparison.rows.find((r) => r.orgId === li.recipientOrgId)!;
    expect(unit).toMatchObject({ name: '武定县人民医院', dispatched: 3 });
    const hospital = await dashboard(office, `?orgId=${li.recipientOrgId}`);
    expect(hospital.scope).toMatchObject({ kind: 'unit', name: '武定县人民医院' });
    expect(hospital.crumbs.map((c) => c.name)).toEqual(['楚雄彝族自治州', '武定县', '武定县人民医院']);
    expect(hospital.comparison.level).toBe('person');
    expect(hospital.comparison.rows.map((r) => r.name.split('（')[0]).sort()).toEqual(['李医生', '王医生', '赵医生'].sort());
    expect(hospital.comparison.rows.find((r) => r.assignmentId === a.zhao)).toMatchObject({ absent: 1, dispatched: 1 });
  });

  it('keeps to the scope: another prefecture sees nothing of CX; a unit only itself; outside the area is refused', async () => {
    const my = await dashboard(await t.login('my-office'));
    expect(my.today).toMatchObject({ dispatched: 0, onPost: 0, absent: 0 });
    expect(my.trend.every((p) => p.onSiteDays === 0 && p.spotCheckAbsences === 0)).toBe(true);
    expect(my.attention.filter((i) => i.key !== 'not-judged')).toEqual([]);
    // What cannot be judged (no calendar for a year of the term) is counted and explained as the at-risk list does.
    const myAtRisk = (await t.request('GET', '/api/progress/at-risk?pageSize=100', { cookie: await t.login('my-office') })).json();
    expect(my.figures.notJudged).toBe(myAtRisk.skippedTotal);
    if (myAtRisk.skippedTotal > 0) {
      const item = my.attention.find((i) => i.key === 'not-judged')!;
      expect(myAtRisk.skipped.map((x: { personName: string; message: string }) => `${x.personName}：${x.message}`)).toContain(item.explanation);
    }
    expect(JSON.stringify(my)).not.toMatch(/武定|王医生|赵医生|李医生/);

    const recipient = await t.login('cx-recipient');
    const own = await dashboard(recipient);
    expect(own.scope).toMatchObject({ kind: 'unit', orgId: li.recipientOrgId });
    expect(own.comparison.level).toBe('person');
    expect(own.today.dispatched).toBe(3);
    for (const q of [`?regionCode=${WUDING}`, '?regionCode=532300']) expect((await t.request('GET', `/api/dashboard${q}`, { cookie: recipient })).statusCode).toBe(403);
    const otherOrg = (await t.request('GET', '/api/auth/me', { cookie: office })).json().org.id;
    expect((await t.request('GET', `/api/dashboard?orgId=${otherOrg}`, { cookie: recipient })).statusCode).toBe(403);

    const outside = await t.request('GET', '/api/dashboard?regionCode=510700', { cookie: office });
    expect(outside.statusCode).toBe(403);
    expect(outside.json().message).toContain('不在您的管辖范围内');
    const myOrg = (await t.request('GET', '/api/auth/me', { cookie: await t.login('my-office') })).json().org.id;
    expect((await t.request('GET', `/api/dashboard?orgId=${myOrg}`, { cookie: office })).statusCode).toBe(403);
    expect((await t.request('GET', '/api/dashboard?regionCode=999999', { cookie: office })).statusCode).toBe(404);
    const bad = await t.request('GET', '/api/dashboard?regionCode=abc', { cookie: office });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().field).toBe('regionCode');
    expect((await t.request('GET', '/api/dashboard', { cookie: await t.login('cx-staff') })).statusCode).toBe(403);
  });

  it('lists what needs attention, worst first, and an item goes once its cause is fixed', async () => {
    const before = await dashboard(office);
    const severities = before.attention.map((i) => i.severity);
    expect(severities).toEqual([...severities].sort((x, y) => ['high', 'medium', 'low'].indexOf(x) - ['high', 'medium', 'low'].indexOf(y)));
    const unmet = before.attention.find((i) => i.key === 'on-site-unmet')!;
    expect(unmet).toMatchObject({ severity: 'high', count: 1, link: '/progress/at-risk?status=unmet' });
    expect(unmet.explanation).toContain('赵医生');
    const leave = before.attention.find((i) => i.key === 'leave-overdue-mine')!;
    expect(leave).toMatchObject({ severity: 'high', count: 1, link: '/leave?tab=todo' });
    expect(leave.explanation).toContain('李医生 2026-11-16 起的请假等待');
    expect(before.attention.find((i) => i.key === 'absent-today')).toMatchObject({ severity: 'medium', count: 1 });
    // The province sees the same leave as overdue, but waiting on someone else.
    const province = await dashboard(await t.login('yn-province'));
    expect(province.attention.find((i) => i.key === 'leave-overdue')).toMatchObject({ count: 1 });
    expect(province.attention.find((i) => i.key === 'leave-overdue-mine')).toBeUndefined();

    // The unit corrects 赵医生's attendance (she was on post after all); the office approves the leave.
    const recipient = await t.login('cx-recipient');
    const byMonth = new Map<string, string[]>();
    for (const d of zhaoAbsent) byMonth.set(d.slice(0, 7), [...(byMonth.get(d.slice(0, 7)) ?? []), d]);
    for (const [month, dates] of byMonth) {
      const res = await t.request('PUT', `/api/attendance/months/${month}/days`, { cookie: recipient, body: { entries: dates.map((date) => ({ assignmentId: a.zhao, date, status: 'on_duty' })) } });
      expect(res.statusCode, res.body).toBe(200);
    }
    const approved = await t.request('POST', `/api/leave-requests/${leaveId}/decision`, { cookie: office, body: { decision: 'approve' } });
    expect(approved.statusCode, approved.body).toBe(200);

    const after = await dashboard(office);
    expect(after.attention.find((i) => i.key === 'on-site-unmet')).toBeUndefined();
    expect(after.attention.find((i) => i.key === 'leave-overdue-mine')).toBeUndefined();
    expect(after.attention.find((i) => i.key === 'absent-today')).toBeUndefined();
    expect(after.figures).toMatchObject({ onSiteUnmet: 0, overdueApprovals: 0 });
    // 李医生 is now on approved leave today, and no longer counted as not checked in.
    expect(after.today).toMatchObject({ onLeave: 1, notCheckedIn: 0, onPost: 2 });
  });

  it('keeps monthly attendance totals equal to a recount of the days through inserts, edits and deletions', async () => {
    const recount = sql`select assignment_id::text as a, to_char(date_trunc('month', date), 'YYYY-MM') as m,
      cast(count(*) filter (where status in ('on_duty', 'official_business')) as integer) as on_site, cast(count(*) filter (where status = 'leave') as integer) as leave
      from attendance_days group by 1, 2 having count(*) filter (where status in ('on_duty', 'official_business', 'leave')) > 0 order by 1, 2`;
    const kept = sql`select assignment_id::text as a, to_char(month, 'YYYY-MM') as m, on_site, leave from attendance_month_totals
      where on_site > 0 or leave > 0 order by 1, 2`;
    const same = async () => expect(rowsOf(await t.database.db.execute(kept))).toEqual(rowsOf(await t.database.db.execute(recount)));
    await same();
    // Edits and deletions move days between the totals (the earlier tests inserted and edited through the API).
    await t.database.db.execute(sql`update attendance_days set status = 'leave' where assignment_id = ${a.zhao} and date in (select date from attendance_days where assignment_id = ${a.zhao} order by date limit 3)`);
    await t.database.db.execute(sql`delete from attendance_days where assignment_id = ${a.zhao} and date in (select date from attendance_days where assignment_id = ${a.zhao} order by date desc limit 2)`);
    await same();
    expect(rowsOf<{ n: number }>(await t.database.db.execute(sql`select cast(count(*) as integer) as n from attendance_month_totals`))[0]!.n).toBeGreaterThan(0);
    // Leave approved ahead fills days after today: the month's total holds them, the trend does not count them yet.
    // The edits above went behind the product's back: record the office's own write so its dashboard recomputes (see the last tests).
    await ownWrite();
    const before = (await dashboard(office)).trend.find((p) => p.month === '2026-11')!;
    await t.database.db.execute(sql`insert into attendance_days (assignment_id, date, status, source) values (${a.zhao}, '2026-11-27', 'leave', 'leave')
      on conflict (assignment_id, date) do update set status = 'leave', source = 'leave'`);
    await same();
    await ownWrite();
    const after = (await dashboard(office)).trend.find((p) => p.month === '2026-11')!;
    expect(after).toEqual(before);
    const wuding = (await dashboard(office)).comparison.rows.find((r) => r.regionCode === WUDING)!;
    expect(wuding.leaveDays).toBe((await dashboard(office)).trend.reduce((n, p) => n + p.leaveDays, 0));
  });

  it('serves a dashboard again only while nothing was written since (the audit log is the write version)', async () => {
    const first = await dashboard(office);
    // A change behind the product's back (no audit event) is not seen: the answer is the cached one …
    await t.database.db.execute(sql`update attendance_days set status = 'absent' where assignment_id = ${a.wang} and date = (select max(date) from attendance_days where assignment_id = ${a.wang} and date <= ${TODAY} and status = 'on_duty')`);
    expect(await dashboard(office)).toEqual(first);
    // … nor, in the verdicts and trends, after a sign-in (it changes no verdict; today's figures are counted live) …
    await t.login('auditor');
    const afterSignIn = await dashboard(office);
    expect([afterSignIn.verdictsAt, afterSignIn.trend, afterSignIn.figures]).toEqual([first.verdictsAt, first.trend, first.figures]);
    // … nor after someone else's write: it reaches the verdicts within a minute (the next test) …
    await t.database.db.execute(sql`insert into audit_events (action, entity_type, summary) values ('update', 'attendance', 'test: a unit edits a day')`);
    expect((await dashboard(office)).verdictsAt).toBe(first.verdictsAt);
    // … while the caller's own write makes it recompute at once.
    await ownWrite();
    const fresh = await dashboard(office);
    expect(fresh.trend.find((p) => p.month === TODAY.slice(0, 7))!.onSiteDays).toBe(first.trend.find((p) => p.month === TODAY.slice(0, 7))!.onSiteDays - 1);
    expect(Date.parse(fresh.verdictsAt)).toBeGreaterThanOrEqual(Date.parse(first.verdictsAt));
  });

  it('after check-ins, counts today live and refreshes the verdicts in the background once they are a minute old', async () => {
    // 王医生's day today as a check-in leaves it: on duty, with the check-in's audit line.
    const checkInToday = async (status: string) => {
      await t.database.db.execute(sql`insert into attendance_days (assignment_id, date, status, source) values (${a.wang}, ${TODAY}, ${status}, 'check_in')
        on conflict (assignment_id, date) do update set status = excluded.status, source = excluded.source`);
      await t.database.db.execute(sql`insert into audit_events (action, entity_type, summary) values ('create', 'check_in', 'test: a check-in')`);
    };
    await checkInToday('absent');
    await ownWrite();
    const before = await dashboard(office);
    const wudingBefore = before.comparison.rows.find((r) => r.regionCode === WUDING)!;
    const month = (d: Dashboard) => d.trend.find((p) => p.month === TODAY.slice(0, 7))!.onSiteDays;

    await checkInToday('on_duty');
    const live = await dashboard(office);
    // Today's figures, their list item and the region's row follow the check-in at once …
    expect(live.today.onPost).toBe(before.today.onPost + 1);
    expect(live.today.absent).toBe(before.today.absent - 1);
    expect(live.today.dispatched).toBe(before.today.dispatched);
    const wuding = live.comparison.rows.find((r) => r.regionCode === WUDING)!;
    expect([wuding.onPost, wuding.absent]).toEqual([wudingBefore.onPost + 1, wudingBefore.absent - 1]);
    expect(live.attention.find((i) => i.key === 'absent-today')?.count ?? 0).toBe(live.today.absent);
    // … while the verdicts and trends are the ones computed before (not yet a minute old).
    expect(live.verdictsAt).toBe(before.verdictsAt);
    expect(month(live)).toBe(month(before));

    // A minute later the next request still answers at once, and starts a refresh in the background …
    t.clock.advance(VERDICTS_REFRESH_MS);
    const stale = await dashboard(office);
    expect(stale.verdictsAt).toBe(before.verdictsAt);
    await settleRefreshes(t.database.db);
    // … whose answer is served next: the trend counts the day on post.
    const refreshed = await dashboard(office);
    expect(Date.parse(refreshed.verdictsAt)).toBeGreaterThan(Date.parse(before.verdictsAt));
    expect(month(refreshed)).toBe(month(before) + 1);
    expect(refreshed.today).toEqual(live.today);
  });

  it("after the caller's own write, recomputes the parts its kind can change and keeps the others (DECISIONS 26)", async () => {
    await ownWrite('assignment');
    const before = await dashboard(office);
    const absences = (d: Dashboard) => d.trend.find((p) => p.month === '2026-11')!.spotCheckAbsences;
    expect(before.figures.noticesDue).toBe(1);
    expect(absences(before)).toBe(1);
    // Behind the product's back, 王医生's spot-check result becomes "present".
    await t.database.db.execute(sql`update spot_check_results set result = 'present' where assignment_id = ${a.wang}`);

    // A leave decision recomputes the trend (leave days) but not the spot-check consequences …
    t.clock.advance(1000);
    await ownWrite('leave');
    const afterLeave = await dashboard(office);
    expect(absences(afterLeave)).toBe(0);
    expect(afterLeave.figures.noticesDue).toBe(1);
    // … and keeps when the kept parts were computed: they may have missed check-ins.
    expect(afterLeave.verdictsAt).toBe(before.verdictsAt);
    // A spot-check write recomputes its consequences; a programme's, everything.
    await ownWrite('spot_check');
    expect((await dashboard(office)).figures.noticesDue).toBe(0);
    await ownWrite('programme');
    const fresh = await dashboard(office);
    expect(fresh.figures.noticesDue).toBe(0);
    expect(Date.parse(fresh.verdictsAt)).toBe(Date.parse(before.verdictsAt) + 1000);
  });

  it('counts judgements only for the children that have one to show: a person whose assignment is met gets no row of zeros', async () => {
    await t.database.db.execute(sql`insert into assignment_progress (assignment_id, as_of, token, status, progress)
      values (${a.wang}, ${TODAY}, gen_random_uuid(), 'met', '{}'::jsonb)
      on conflict (assignment_id) do update set as_of = excluded.as_of, status = 'met'`);
    const rows = await countJudged(t.database.db, { kind: 'region', regionPath: CX }, { level: 'person', path: '' }, TODAY);
    expect(rows.filter((r) => r.total)).toHaveLength(1);
    expect(rows.map((r) => r.k)).not.toContain(a.wang);
    await t.database.db.execute(sql`delete from assignment_progress where assignment_id = ${a.wang}`);
  });

  it("after the caller's own write naming an assignment or a spot check, recomputes the items it touched and no others (DECISIONS 31)", async () => {
    const [check] = rowsOf<{ id: string }>(await t.database.db.execute(sql`select spot_check_id as id from spot_check_results where assignment_id = ${a.wang}`));
    const zhaoPerson = (await t.request('GET', `/api/assignments/${a.zhao}`, { cookie: office })).json().personId as string;
    const setResult = (assignmentId: string, result: string) => t.database.db.execute(sql`update spot_check_results set result = ${result} where assignment_id = ${assignmentId}`);
    await t.database.db.insert(spotCheckResults).values({ spotCheckId: check!.id, assignmentId: a.zhao, personId: zhaoPerson, result: 'present' });
    await ownWrite('programme');
    expect((await dashboard(office)).figures.noticesDue).toBe(0);

    // Behind the product's back both are now away; the office's write names 王医生's assignment only.
    await setResult(a.wang, 'absent');
    await setResult(a.zhao, 'absent');
    await ownWrite('assignment', a.wang);
    const named = await dashboard(office);
    expect(named.figures.noticesDue).toBe(1);
    expect(named.attention.find((i) => i.key === 'notice-due')!.explanation).toContain('王医生');
    // A write naming the spot check reaches every person it covers …
    await ownWrite('spot_check', check!.id);
    const traced = await dashboard(office);
    expect(traced.figures.noticesDue).toBe(2);
    // … and the answer is the one computed whole (a programme's write recomputes everything).
    await ownWrite('programme');
    const whole = await dashboard(office);
    expect({ ...traced, verdictsAt: '' }).toEqual({ ...whole, verdictsAt: '' });
    // A write naming what cannot be traced (no entity, or one since deleted) recomputes its parts whole.
    await setResult(a.wang, 'present');
    await ownWrite('assignment', '00000000-0000-4000-8000-000000000000');
    expect((await dashboard(office)).figures.noticesDue).toBe(1);
    await t.database.db.execute(sql`delete from spot_check_results where assignment_id = ${a.zhao}`);
  });

  it('closes overdue roll calls before recomputing the consequences of a write, and counts whoever they mark absent', async () => {
    await ownWrite('programme', null);
    expect((await dashboard(office)).figures.noticesDue).toBe(0);
    // A roll call 赵医生 has not answered, its deadline passed an hour ago; nobody has read the checks since.
    const me = (await t.request('GET', '/api/auth/me', { cookie: office })).json();
    const [rollCall] = await t.database.db.insert(spotChecks).values({
      byOrgId: me.org.id, method: 'roll_call', date: TODAY, createdBy: 'cx-office', regionPath: CX, rollCallDeadline: new Date(t.clock.now().getTime() - 3_600_000),
    }).returning();
    const zhaoPerson = (await t.request('GET', `/api/assignments/${a.zhao}`, { cookie: office })).json().personId as string;
    await t.database.db.insert(spotCheckResults).values({ spotCheckId: rollCall!.id, assignmentId: a.zhao, personId: zhaoPerson, result: 'pending' });
    // The office's next write names 王医生's assignment only: the closed roll call's absence is counted all the same.
    await ownWrite('assignment', a.wang);
    const after = await dashboard(office);
    expect(after.figures.noticesDue).toBe(1);
    expect(after.attention.find((i) => i.key === 'notice-due')!.explanation).toContain('赵医生');
    await t.database.db.execute(sql`delete from spot_checks where id = ${rollCall!.id}`);
  });
  it("after the caller's own write to a pairing, recomputes its units' staffing rows as they were and are, and its persons (DECISIONS 33)", async () => {
    const pairingOf = async () => (await t.request('GET', `/api/pairings/${li.pairingId}`, { cookie: office })).json() as { recipient: { id: string }; supportUnits: { id: string }[] };
    const patch = async (body: object) => {
      const res = await t.request('PATCH', `/api/pairings/${li.pairingId}`, { cookie: office, body });
      expect(res.statusCode, res.body).toBe(200);
    };
    const wholeNow = async () => {
      await ownWrite('programme');
      return dashboard(office);
    };
    const same = (x: Dashboard, y: Dashboard) => expect({ ...x, verdictsAt: '' }).toEqual({ ...y, verdictsAt: '' });
    const before = await pairingOf();
    const staffingRows = (d: Dashboard) => d.attention.filter((i) => i.key.startsWith('staffing-')).reduce((n, i) => n + i.count, 0);
    const base = await wholeNow();

    // The office adds a second support unit, which has sent no one: its row is short, and only the pairing was recomputed.
    const orgs = (await t.request('GET', '/api/organisations?pageSize=100', { cookie: office })).json().items as { id: string; name: string; kind: string; adminLevel: string | null; regionCode: string | null }[];
    const extra = orgs.find((o) => o.adminLevel === 'provincial' && o.kind !== 'health_office' && o.kind !== 'platform' && !before.supportUnits.some((u) => u.id === o.id))!;
    expect(extra, 'another provincial hospital').toBeDefined();
    t.clock.advance(1000);
    await patch({ supportOrgIds: [...before.supportUnits.map((u) => u.id), extra.id] });
    const added = await dashboard(office);
    expect(added.verdictsAt).toBe(base.verdictsAt);
    expect(added.figures.staffingShort).toBe(base.figures.staffingShort + 1);
    expect(staffingRows(added)).toBe(staffingRows(base) + 1);
    same(added, await wholeNow());

    // It moves the pairing to a recipient in another county: the rows kept under the old one go, and in the
    // county's view (drilled down) its persons leave the area shown.
    const county = `?regionCode=${WUDING}`;
    await ownWrite('programme');
    const [countyBase, prefectureBase] = [await dashboard(office, county), await dashboard(office)];
    const elsewhere = orgs.filter((o) => o.kind !== 'health_office' && o.kind !== 'platform' && o.adminLevel !== 'provincial' && o.regionCode !== WUDING);
    t.clock.advance(1000);
    let moved = false;
    for (const r of elsewhere) {
      const res = await t.request('PATCH', `/api/pairings/${li.pairingId}`, { cookie: office, body: { recipientOrgId: r.id } });
      if (res.statusCode === 200) { moved = true; break; }
    }
    expect(moved, 'a recipient of the prefecture in another county').toBe(true);
    const [countyMoved, prefectureMoved] = [await dashboard(office, county), await dashboard(office)];
    expect([countyMoved.verdictsAt, prefectureMoved.verdictsAt]).toEqual([countyBase.verdictsAt, prefectureBase.verdictsAt]);
    expect(countyMoved.today.dispatched).toBeLessThan(countyBase.today.dispatched);
    await ownWrite('programme');
    same(countyMoved, await dashboard(office, county));
    same(prefectureMoved, await dashboard(office));

    // The trace itself: the pairing's assignments and its units as they are now; a pairing not found cannot be traced.
    const traced = await traceWrites(t.database.db, [{ kind: 'pairing', id: li.pairingId }]);
    expect(traced.complete).toBe(true);
    expect(traced.assignments.filter((x) => x.via === 'pairing').map((x) => x.id).sort()).toEqual([li.assignmentId, a.wang, a.zhao].sort());
    expect(traced.pairingUnits.map((u) => u.support_org_id).sort()).toEqual([...before.supportUnits.map((u) => u.id), extra.id].sort());
    expect(new Set(traced.pairingUnits.map((u) => u.recipient_org_id)).has(before.recipient.id)).toBe(false);
    expect((await traceWrites(t.database.db, [{ kind: 'pairing', id: li.pairingId }, { kind: 'pairing', id: '00000000-0000-4000-8000-000000000000' }])).complete).toBe(false);

    // Put back as it was: again the same as computed whole.
    await patch({ recipientOrgId: before.recipient.id, supportOrgIds: before.supportUnits.map((u) => u.id) });
    const back = await dashboard(office);
    same(back, await wholeNow());
    expect(back.figures).toEqual(base.figures);
  });
  it("names the on-site example by today's names: after its pairing moves to another recipient, the new one", async () => {
    // 赵医生 away again (behind the product's back; the days' triggers forget her judgement), and a fresh answer.
    const zhaoDays = (status: string) => t.database.db.execute(sql`update attendance_days set status = ${status} where assignment_id = ${a.zhao}`);
    await zhaoDays('absent');
    await ownWrite('programme');
    const example = async () => (await dashboard(office)).attention.find((i) => i.key === 'on-site-unmet')?.explanation ?? '';
    expect(await example()).toContain('赵医生（武定县人民医院）');
    const pairing = (await t.request('GET', `/api/pairings/${li.pairingId}`, { cookie: office })).json() as { recipient: { id: string } };
    const orgs = (await t.request('GET', '/api/organisations?pageSize=100', { cookie: office })).json().items as { id: string; name: string; kind: string; adminLevel: string | null }[];
    let moved: { id: string; name: string } | undefined;
    for (const r of orgs.filter((o) => o.kind !== 'health_office' && o.kind !== 'platform' && o.adminLevel !== 'provincial' && o.id !== pairing.recipient.id)) {
      const res = await t.request('PATCH', `/api/pairings/${li.pairingId}`, { cookie: office, body: { recipientOrgId: r.id } });
      if (res.statusCode === 200) { moved = r; break; }
    }
    expect(moved, 'another recipient of the prefecture').toBeDefined();
    expect(await example()).toContain(`赵医生（${moved!.name}）`);
    const back = await t.request('PATCH', `/api/pairings/${li.pairingId}`, { cookie: office, body: { recipientOrgId: pairing.recipient.id } });
    expect(back.statusCode, back.body).toBe(200);
    await zhaoDays('on_duty');
  });
  it("after the morning's first taps made verdicts stale, the office's own writes judge only what they name; the others wait for the refresh (DECISIONS 34)", async () => {
    const asOf = async (id: string) => rowsOf<{ as_of: string }>(await t.database.db.execute(sql`select as_of::text as as_of from assignment_progress where assignment_id = ${id}`))[0]?.as_of;
    const days = (id: string, status: string) => t.database.db.execute(sql`update attendance_days set status = ${status} where assignment_id = ${id}`);
    const unmetExample = (d: Dashboard) => d.attention.find((i) => i.key === 'on-site-unmet')?.explanation ?? '';
    // 赵医生 away every day, 王医生 on post: judged so, 赵医生 cannot make his days.
    await days(a.zhao, 'absent');
    await days(a.wang, 'on_duty');
    await ownWrite('programme');
    const before = await dashboard(office);
    expect(unmetExample(before)).toContain('赵医生');
    expect([await asOf(a.zhao), await asOf(a.wang), await asOf(li.assignmentId)]).toEqual([TODAY, TODAY, TODAY]);

    // Check-ins (no verdict writes) turn it round: 赵医生 on post every day, 王医生 away; and touch 李医生's days. All three go stale.
    await days(a.zhao, 'on_duty');
    await days(a.wang, 'absent');
    await t.database.db.execute(sql`update attendance_days set status = status where assignment_id = ${li.assignmentId}`);
    expect([await asOf(a.zhao), await asOf(a.wang), await asOf(li.assignmentId)]).toEqual(['1970-01-01', '1970-01-01', '1970-01-01']);

    // The office edits 王医生's assignment and decides 李医生's leave: those two are judged today; 赵医生 still
    // counts with his last verdict (unmet), so 王医生 now unmet makes one more.
    t.clock.advance(1000);
    await ownWrite('assignment', a.wang);
    await ownWrite('leave', leaveId);
    const decided = await dashboard(office);
    expect([await asOf(a.zhao), await asOf(a.wang), await asOf(li.assignmentId)]).toEqual(['1970-01-01', TODAY, TODAY]);
    expect(decided.figures.onSiteUnmet).toBe(before.figures.onSiteUnmet + 1);
    expect(decided.verdictsAt).toBe(before.verdictsAt);
    expect(unmetExample(decided)).toMatch(/赵医生|王医生/);

    // A minute on, the background refresh judges 赵医生 too: he is on post after all.
    t.clock.advance(VERDICTS_REFRESH_MS);
    await dashboard(office);
    await settleRefreshes(t.database.db);
    const refreshed = await dashboard(office);
    expect(await asOf(a.zhao)).toBe(TODAY);
    expect(refreshed.figures.onSiteUnmet).toBe(before.figures.onSiteUnmet);
    expect(unmetExample(refreshed)).toContain('王医生');
    await days(a.wang, 'on_duty');
  });
  it('refreshes in the background only what check-ins and the writes since can change, and computes whole every five intervals (DECISIONS 35)', async () => {
    const checkIn = async () => {
      await t.database.db.execute(sql`insert into attendance_days (assignment_id, date, status, source) values (${a.wang}, ${TODAY}, 'on_duty', 'check_in')
        on conflict (assignment_id, date) do update set status = excluded.status`);
      await t.database.db.execute(sql`insert into audit_events (action, entity_type, summary) values ('create', 'check_in', 'test: a check-in')`);
    };
    const refreshAfter = async (ms: number) => {
      t.clock.advance(ms);
      await dashboard(office);
      await settleRefreshes(t.database.db);
      return dashboard(office);
    };
    const wangChecked = (result: string) => t.database.db.execute(sql`update spot_check_results set result = ${result} where assignment_id = ${a.wang}`);
    await wangChecked('present');
    await ownWrite('programme');
    const before = await dashboard(office);
    // Behind the product's back (no audit line) 王医生's spot check turns to "absent": only a whole computation can see it.
    await wangChecked('absent');
    await checkIn();
    const refreshed = await refreshAfter(VERDICTS_REFRESH_MS);
    expect(Date.parse(refreshed.verdictsAt)).toBeGreaterThan(Date.parse(before.verdictsAt));
    expect(refreshed.figures.noticesDue).toBe(before.figures.noticesDue);
    // Five intervals after the last whole computation, the refresh computes whole.
    await checkIn();
    const whole = await refreshAfter(4 * VERDICTS_REFRESH_MS);
    expect(whole.figures.noticesDue).toBe(before.figures.noticesDue + 1);
    await wangChecked('present');
  });
});
