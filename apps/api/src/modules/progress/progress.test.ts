import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { attendanceDays, rowsOf } from '@duikou/db';
import { isWorkingDay } from '@duikou/policy';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatchCxDoctors, dispatchCxStaff } from '../../test/dispatch.fixture.js';
import { createTestApp, testDatabases, type TestApp } from '../../test/test-app.js';
import { loadCalendar } from '../calendar/calendar.service.js';
import { reserveProgress, storeProgress } from './progress.repository.js';

const nextDay = (d: string) => new Date(Date.parse(`${d}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
function* days(from: string, to: string) {
  for (let d = from; d <= to; d = nextDay(d)) yield d;
}

// The test clock stands at 2026-11-23 (a Monday). CX: a half-year term needs ≥120 working days on post.
describe.each(testDatabases())('on-site progress on %s', (kind) => {
  let t: TestApp;
  let office: string;
  let li: Awaited<ReturnType<typeof dispatchCxStaff>>;
  const a: Record<'wang' | 'zhao' | 'qian', string> = { wang: '', zhao: '', qian: '' };
  /** 王医生: working days elapsed, working days left, absences recorded. */
  const wang = { elapsed: 0, remaining: 0, absent: 0 };

  beforeAll(async () => {
    t = await createTestApp(kind);
    li = await dispatchCxStaff(t, { start: '2026-07-01', end: '2026-12-31' });
    office = await t.login('cx-office');
    Object.assign(a, await dispatchCxDoctors(t, li.pairingId, 51, [
      ['wang', '王医生', '2026-07-01', '2026-12-31'], ['zhao', '赵医生', '2026-06-01', '2026-11-30'], ['qian', '钱医生', '2026-10-01', '2027-03-31'],
    ] as const));
    const calendar = await loadCalendar(t.database.db);
    const working = (from: string, to: string) => [...days(from, to)].filter((d) => isWorkingDay(calendar, d));
    // 王医生: every working day so far recorded; just enough absences that even a perfect record from now on only reaches 120.
    const elapsed = working('2026-07-01', '2026-11-23');
    wang.elapsed = elapsed.length;
    wang.remaining = working('2026-11-24', '2026-12-31').length;
    wang.absent = wang.elapsed + wang.remaining - 120;
    expect(wang.absent).toBeGreaterThan(0);
    const rows = [
      ...elapsed.map((date, i) => ({ assignmentId: a.wang, date, status: i < wang.absent ? 'absent' : 'on_duty', source: 'unit' })),
      // 赵医生: absent every working day so far; the days left cannot make 120.
      ...working('2026-06-01', '2026-11-23').map((date) => ({ assignmentId: a.zhao, date, status: 'absent', source: 'unit' })),
    ];
    await t.database.db.insert(attendanceDays).values(rows);
  });
  afterAll(async () => { await t?.close(); });

  it('gives the days on post so far, the requirement and the forecast for one assignment', async () => {
    const res = await t.request('GET', `/api/progress/assignments/${a.wang}`, { cookie: office });
    expect(res.statusCode, res.body).toBe(200);
    const p = res.json();
    const done = 120 - wang.remaining;
    expect(p).toMatchObject({
      personName: '王医生', recipientOrgName: '武定县人民医院', policyCode: 'CX', assignmentStatus: 'planned', status: 'at_risk', asOf: '2026-11-23',
      term: { start: '2026-07-01', end: '2026-12-31' }, attendance: { on_duty: done, absent: wang.absent },
      figures: { ruleId: 'on-site.working-days', done, required: 120, forecast: done + Math.floor((done / wang.elapsed) * wang.remaining) },
    });
    expect(p.figures.forecast).toBeLessThan(120);
    expect(p.verdicts[0]).toMatchObject({ ruleId: 'on-site.working-days', ruleLabel: '在岗工作日', citation: expect.stringContaining('楚卫通〔2018〕43号') });
    expect(p.verdicts[0].explanation).toContain('可能不达标');
    // 李医生 has no attendance on record: the missing records decide it.
    expect((await t.request('GET', `/api/progress/assignments/${li.assignmentId}`, { cookie: office })).json().status).toBe('unknown');
    // 钱医生's term runs into 2027, a year with no holiday calendar yet.
    const missing = await t.request('GET', `/api/progress/assignments/${a.qian}`, { cookie: office });
    expect(missing.statusCode).toBe(422);
    expect(missing.json().code).toBe('CALENDAR_YEAR_MISSING');
  });

  it('the dashboard judges what the day has not judged yet, counts it and names what could not be evaluated', async () => {
    const res = await t.request('GET', '/api/dashboard', { cookie: office });
    expect(res.statusCode, res.body).toBe(200);
    const d = res.json();
    expect(d.figures).toMatchObject({ onSiteUnmet: 1, atRisk: 1, notJudged: 1 });
    expect(d.attention.find((i: { key: string }) => i.key === 'not-judged').explanation).toMatch(/^钱医生：2027 年的节假日日历尚未录入/);
    expect(d.attention.find((i: { key: string }) => i.key === 'on-site-unmet').explanation).toMatch(/^赵医生（武定县人民医院）：/);
  });

  it('lists the assignments at risk or already short, worst first, and says which could not be evaluated', async () => {
    const res = await t.request('GET', '/api/progress/at-risk', { cookie: office });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.items.map((i: { personName: string; status: string }) => [i.personName, i.status])).toEqual([['赵医生', 'unmet'], ['王医生', 'at_risk']]);
    expect(body.total).toBe(2);
    expect(body.skippedTotal).toBe(1);
    expect(body.skipped).toEqual([{ assignmentId: a.qian, personName: '钱医生', message: expect.stringContaining('2027 年的节假日日历尚未录入') }]);
    expect((await t.request('GET', '/api/progress/at-risk?status=unmet', { cookie: office })).json().items.map((i: { personName: string }) => i.personName)).toEqual(['赵医生']);
    const paged = (await t.request('GET', '/api/progress/at-risk?pageSize=1&page=2', { cookie: await t.login('cx-recipient') })).json();
    expect(paged).toMatchObject({ total: 2, items: [{ personName: '王医生' }] });
  });

  it('judges each assignment once a day and judges it again as soon as its attendance changes', async () => {
    const cached = async () => (await t.database.db.execute(sql`select assignment_id as id, status, as_of::text as "asOf" from assignment_progress where status is not null`) as unknown as { rows: { id: string; status: string; asOf: string }[] }).rows;
    const list = async () => (await t.request('GET', '/api/progress/at-risk', { cookie: office })).json().items.map((i: { personName: string }) => i.personName);
    expect(await cached()).toEqual(expect.arrayContaining([{ id: a.wang, status: 'at_risk', asOf: '2026-11-23' }, { id: a.zhao, status: 'unmet', asOf: '2026-11-23' }]));
    // The list reads the day's judgement: a (forged) cached 'met' hides 王医生 …
    await t.database.db.execute(sql`update assignment_progress set status = 'met' where assignment_id = ${a.wang}`);
    expect(await list()).toEqual(['赵医生']);
    // … until his attendance changes: the unit records tomorrow's rest and he is judged again from the records.
    const recipient = await t.login('cx-recipient');
    const saved = await t.request('PUT', '/api/attendance/months/2026-11/days', { cookie: recipient, body: { entries: [{ assignmentId: a.wang, date: '2026-11-22', status: 'rest' }] } });
    expect(saved.statusCode, saved.body).toBe(200);
    // His verdict is no longer today's: kept only as his last known one, marked stale (DECISIONS 34).
    expect((await cached()).find((c) => c.id === a.wang)).toMatchObject({ asOf: '1970-01-01' });
    expect(await list()).toEqual(['赵医生', '王医生']);
    // A new holiday calendar or policy version can change every judgement: all are forgotten.
    await t.database.db.execute(sql`update calendar_years set loaded_at = now() where year = 2026`);
    expect(await cached()).toEqual([]);
  });

  it('keeps the last verdict readable while it is judged again, and stores nothing judged from records changed meanwhile', async () => {
    const row = async () => rowsOf<{ as_of: string; status: string | null }>(await t.database.db.execute(sql`
      select as_of::text as as_of, status from assignment_progress where assignment_id = ${a.wang}`))[0];
    const touchDays = () => t.database.db.execute(sql`update attendance_days set status = status where assignment_id = ${a.wang}`);
    await t.database.db.execute(sql`insert into assignment_progress (assignment_id, as_of, token, status, progress)
      values (${a.wang}, '1970-01-01', gen_random_uuid(), 'unmet', '{}'::jsonb)
      on conflict (assignment_id) do update set as_of = excluded.as_of, status = excluded.status`);
    // Being judged: the last (stale) verdict is still there to count.
    const first = randomUUID();
    await reserveProgress(t.database.db, [a.wang], first);
    expect(await row()).toEqual({ as_of: '1970-01-01', status: 'unmet' });
    await storeProgress(t.database.db, first, '2026-11-23', [{ id: a.wang, status: 'at_risk', progress: {} }]);
    expect(await row()).toEqual({ as_of: '2026-11-23', status: 'at_risk' });
    // His days change while he is judged again: the result, read from the old days, is not stored.
    const second = randomUUID();
    await reserveProgress(t.database.db, [a.wang], second);
    await touchDays();
    await storeProgress(t.database.db, second, '2026-11-23', [{ id: a.wang, status: 'met', progress: {} }]);
    expect(await row()).toEqual({ as_of: '1970-01-01', status: 'at_risk' });
    // A first judgement of an assignment never judged counts as not judged until it is stored.
    await t.database.db.execute(sql`delete from assignment_progress where assignment_id = ${a.wang}`);
    await reserveProgress(t.database.db, [a.wang], randomUUID());
    expect(await row()).toEqual({ as_of: '1970-01-01', status: null });
    await t.database.db.execute(sql`delete from assignment_progress where assignment_id = ${a.wang}`);
  });

  it('keeps progress in scope', async () => {
    const my = await t.login('my-office');
    expect((await t.request('GET', `/api/progress/assignments/${a.wang}`, { cookie: my })).statusCode).toBe(404);
    expect((await t.request('GET', '/api/progress/at-risk', { cookie: my })).json()).toMatchObject({ items: [], total: 0, skipped: [] });
    expect((await t.request('GET', '/api/progress/at-risk', { cookie: await t.login('auditor') })).statusCode).toBe(403);
  });
});
