import ExcelJS from 'exceljs';
import { eq, sql } from 'drizzle-orm';
import { activities, agreements, attendanceDays, leadershipVisits, rowsOf, statutoryReports } from '@duikou/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatchCxStaff } from '../../test/dispatch.fixture.js';
import { createTestApp, testDatabases, type TestApp } from '../../test/test-app.js';
import { lateness, latestEndedPeriod, periodBounds, shiftPeriod, submissionState } from './statutory-reports.service.js';
import { updateReport } from './statutory-reports.repository.js';

describe('periods and lateness', () => {
  it('steps through months and quarters', () => {
    expect(latestEndedPeriod('monthly', '2026-11-23')).toBe('2026-10');
    expect(latestEndedPeriod('monthly', '2026-01-03')).toBe('2025-12');
    expect(latestEndedPeriod('quarterly', '2026-11-23')).toBe('2026-Q3');
    expect(latestEndedPeriod('quarterly', '2026-02-01')).toBe('2025-Q4');
    expect(shiftPeriod('quarterly', '2026-Q1', -1)).toBe('2025-Q4');
    expect(shiftPeriod('monthly', '2026-12', 1)).toBe('2027-01');
    expect(periodBounds('monthly', '2024-02')).toEqual({ from: '2024-02-01', to: '2024-02-29' });
    expect(periodBounds('quarterly', '2026-Q3')).toEqual({ from: '2026-07-01', to: '2026-09-30' });
  });

  it('counts lateness on the China date of the submission', () => {
    expect(lateness(new Date('2026-11-05T15:59:00Z'), '2026-11-05')).toEqual({ late: false, daysLate: 0 }); // 23:59 in Beijing
    expect(lateness(new Date('2026-11-05T16:01:00Z'), '2026-11-05')).toEqual({ late: true, daysLate: 1 }); // 00:01 the next day
    expect(lateness(null, '2026-11-05')).toEqual({ late: null, daysLate: null });
    const at = (s: string) => ({ status: s, submittedAt: s === 'draft' ? null : new Date('2026-11-04T02:00:00Z'), dueDate: '2026-11-05' });
    expect(submissionState(at('submitted'), '2026-11-05', '2026-11-23')).toBe('on_time');
    expect(submissionState(at('draft'), '2026-11-05', '2026-11-05')).toBe('draft');
    expect(submissionState(at('draft'), '2026-11-05', '2026-11-06')).toBe('missing');
    expect(submissionState(undefined, '2026-11-05', '2026-11-01')).toBe('not_due');
    expect(submissionState(at('sent_back'), '2026-11-05', '2026-11-23')).toBe('sent_back');
  });
});

// The test clock stands at 2026-11-23 (Beijing 10:00). 李医生 of 云南省第一人民医院 is on post at 武定县人民医院 since 2026-09-01.
describe.each(testDatabases())('statutory reports on %s', (kind) => {
  let t: TestApp;
  let ids: Awaited<ReturnType<typeof dispatchCxStaff>>;
  let monthlyId: string;
  let quarterlyId: string;
  const as = (username: string) => t.login(username);
  const call = async (username: string, method: string, url: string, body?: unknown) => t.request(method, url, { cookie: await as(username), ...(body !== undefined && { body }) });

  beforeAll(async () => {
    t = await createTestApp(kind);
    ids = await dispatchCxStaff(t, { start: '2026-09-01', end: '2027-08-31' });
    const arrived = await call('cx-support', 'POST', `/api/assignments/${ids.assignmentId}/status`, { status: 'on_duty', date: '2026-09-01' });
    expect(arrived.statusCode, arrived.body).toBe(200);
    const db = t.database.db;
    const day = (date: string, status: string) => ({ assignmentId: ids.assignmentId, date, status, source: 'unit', updatedBy: 'cx-recipient' });
    await db.insert(attendanceDays).values([
      day('2026-09-28', 'on_duty'), day('2026-09-29', 'on_duty'),
      day('2026-10-09', 'on_duty'), day('2026-10-10', 'on_duty'), day('2026-10-12', 'official_business'), day('2026-10-13', 'absent'),
      day('2026-10-14', 'leave'), day('2026-10-15', 'leave'), day('2026-10-17', 'rest'), day('2026-11-02', 'on_duty'),
    ]);
    // Two spot checks in October: the office's finds her absent, the hospital's own finds her present.
    const office = await call('cx-office', 'POST', '/api/spot-checks', { method: 'phone', date: '2026-10-13', sample: { kind: 'picked', assignmentIds: [ids.assignmentId] } });
    expect(office.statusCode, office.body).toBe(201);
    expect((await call('cx-office', 'PUT', `/api/spot-checks/${office.json().id}/results/${ids.assignmentId}`, { result: 'absent', reason: '电话无人接听' })).statusCode).toBe(200);
    const own = await call('cx-support', 'POST', '/api/spot-checks', { method: 'video_call', date: '2026-10-20', sample: { kind: 'picked', assignmentIds: [ids.assignmentId] } });
    expect(own.statusCode, own.body).toBe(201);
    expect((await call('cx-support', 'PUT', `/api/spot-checks/${own.json().id}/results/${ids.assignmentId}`, { result: 'present' })).statusCode).toBe(200);
    const now = new Date();
    const act = (date: string) => ({ assignmentId: ids.assignmentId, kind: 'teaching_rounds', setting: 'on_site', date, participantCount: 5, content: '教学查房', recordedBy: 'cx-staff', createdAt: now, updatedAt: now });
    await db.insert(activities).values([act('2026-09-15'), act('2026-10-12'), act('2026-10-26'), act('2026-11-03')]);
    // Q3: the agreement signed by both, one visit led by the director, the recipient's Q3 feedback.
    await db.insert(agreements).values({ pairingId: ids.pairingId, supportOrgId: (await (await call('cx-support', 'GET', '/api/auth/me')).json()).org.id, year: 2026, draftedBy: 'cx-support', supportSignedOn: '2026-03-01', recipientSignedOn: '2026-03-05', createdBy: 'cx-support' });
    await db.insert(leadershipVisits).values({ pairingId: ids.pairingId, supportOrgId: (await (await call('cx-support', 'GET', '/api/auth/me')).json()).org.id, date: '2026-09-10', leaderName: '王院长', ledByLeadership: true, content: '座谈', recordedBy: 'cx-support' });
    const fb = await call('cx-recipient', 'POST', '/api/quarterly-reports', { assignmentId: ids.assignmentId, quarter: '2026-Q3', summary: '到岗一个月，开展教学查房' });
    expect(fb.statusCode, fb.body).toBe(201);
  });
  afterAll(async () => { await t?.close(); });

  it('dates each period with the engine: due dates on working days, moved past National Day', async () => {
    const monthly = (await call('cx-support', 'GET', '/api/statutory-reports/periods?kind=monthly&count=3')).json();
    expect(monthly.items.map((p: { period: string; deadline: { nominal: string; due: string; postponed: boolean }; current: boolean }) => [p.period, p.deadline.nominal, p.deadline.due, p.deadline.postponed, p.current])).toEqual([
      ['2026-10', '2026-11-05', '2026-11-05', false, true], // a Thursday
      ['2026-09', '2026-10-05', '2026-10-08', true, false], // National Day: next working day
      ['2026-08', '2026-09-05', '2026-09-07', true, false], // a Saturday → Monday
    ]);
    const quarterly = (await call('cx-county', 'GET', '/api/statutory-reports/periods?kind=quarterly&count=2')).json();
    expect(quarterly.items[0]).toMatchObject({ period: '2026-Q3', current: true, deadline: { nominal: '2026-10-05', due: '2026-10-08', postponed: true, citation: '楚卫通〔2018〕43号 三（八）' } });
    // MY asks for no statutory report.
    const my = (await call('my-support', 'GET', '/api/statutory-reports/periods?kind=monthly')).json();
    expect(my.items).toEqual([]);
    expect(my.message).toContain('未规定');
  });

  it('refuses the wrong submitter, a running period and a malformed one', async () => {
    const county = await call('cx-county', 'POST', '/api/statutory-reports/generate', { kind: 'monthly', period: '2026-10' });
    expect(county.statusCode).toBe(403);
    expect(county.json().message).toContain('支援医院');
    expect((await call('cx-support', 'POST', '/api/statutory-reports/generate', { kind: 'quarterly', period: '2026-Q3' })).statusCode).toBe(403);
    expect((await call('cx-recipient', 'POST', '/api/statutory-reports/generate', { kind: 'monthly', period: '2026-10' })).statusCode).toBe(403);
    const running = await call('cx-support', 'POST', '/api/statutory-reports/generate', { kind: 'monthly', period: '2026-11' });
    expect(running.statusCode).toBe(400);
    expect(running.json()).toMatchObject({ field: 'period' });
    const bad = await call('cx-support', 'POST', '/api/statutory-reports/generate', { kind: 'monthly', period: '2026-Q3' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().field).toBe('period');
    const nobody = await call('my-support', 'POST', '/api/statutory-reports/generate', { kind: 'monthly', period: '2026-10' });
    expect(nobody.statusCode).toBe(400); // no staff on post
  });

  it('generates the monthly report from the records; the figures equal direct counts', async () => {
    const res = await call('cx-support', 'POST', '/api/statutory-reports/generate', { kind: 'monthly', period: '2026-10' });
    expect(res.statusCode, res.body).toBe(201);
    const r = res.json();
    monthlyId = r.id;
    expect(r).toMatchObject({
      kind: 'monthly', period: '2026-10', periodLabel: '2026 年 10 月', status: 'draft', dueDate: '2026-11-05', late: null,
      submitter: { name: '云南省第一人民医院' }, receiver: { name: '云南省卫生健康委员会' }, canSubmit: true, canReview: false,
    });
    // Independent counts, straight from the tables.
    const [direct] = rowsOf<Record<string, number>>(await t.database.db.execute(sql`
      select cast((select count(*) from attendance_days where assignment_id = ${ids.assignmentId} and date between '2026-10-01' and '2026-10-31' and status in ('on_duty', 'official_business')) as integer) as on_site,
             cast((select count(*) from attendance_days where assignment_id = ${ids.assignmentId} and date between '2026-10-01' and '2026-10-31' and status = 'leave') as integer) as leave,
             cast((select count(*) from attendance_days where assignment_id = ${ids.assignmentId} and date between '2026-10-01' and '2026-10-31' and status = 'absent') as integer) as absent,
             cast((select count(*) from spot_check_results r join spot_checks c on c.id = r.spot_check_id where r.assignment_id = ${ids.assignmentId} and c.date between '2026-10-01' and '2026-10-31') as integer) as checks,
             cast((select count(*) from activities where assignment_id = ${ids.assignmentId} and date between '2026-10-01' and '2026-10-31') as integer) as acts`));
    expect(direct).toEqual({ on_site: 3, leave: 2, absent: 1, checks: 2, acts: 2 });
    expect(r.figures.rows).toEqual([{
      recipientOrgId: ids.recipientOrgId, recipientName: '武定县人民医院', countyName: '武定县', persons: 1, personNames: ['李医生'],
      onSiteDays: direct!.on_site, leaveDays: direct!.leave, absentDays: direct!.absent,
      spotChecks: direct!.checks, spotPresent: 1, spotAbsent: 1, spotOnLeave: 0, activities: direct!.acts,
    }]);
    expect(r.figures.totals).toEqual({ persons: 1, onSiteDays: 3, leaveDays: 2, absentDays: 1, spotChecks: 2, spotPresent: 1, spotAbsent: 1, spotOnLeave: 0, activities: 2 });
    // While a draft, generation re-reads the records.
    const now = new Date();
    await t.database.db.insert(activities).values({ assignmentId: ids.assignmentId, kind: 'training', setting: 'on_site', date: '2026-10-30', participantCount: 12, content: '专项培训', recordedBy: 'cx-staff', createdAt: now, updatedAt: now });
    const again = await call('cx-support', 'POST', '/api/statutory-reports/generate', { kind: 'monthly', period: '2026-10' });
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ id: monthlyId, figures: { totals: { activities: 3 } } });
    const note = await call('cx-support', 'PATCH', `/api/statutory-reports/${monthlyId}`, { note: '10 月 14–15 日请假已获批' });
    expect(note.json().note).toBe('10 月 14–15 日请假已获批');
  });

  it('keeps drafts from the receiver, and lists the missing', async () => {
    expect((await call('yn-province', 'GET', `/api/statutory-reports/${monthlyId}`)).statusCode).toBe(404);
    expect((await call('yn-province', 'GET', '/api/statutory-reports?box=received')).json().total).toBe(0);
    const grid = (await call('yn-province', 'GET', '/api/statutory-reports/overview?kind=monthly&period=2026-10')).json();
    expect(grid).toMatchObject({ periodLabel: '2026 年 10 月', deadline: { due: '2026-11-05' }, receiver: { name: '云南省卫生健康委员会' } });
    expect(grid.rows).toEqual([expect.objectContaining({ submitter: expect.objectContaining({ name: '云南省第一人民医院' }), state: 'missing', reportId: null, reportStatus: 'draft', daysLate: 18, dueDate: '2026-11-05' })]);
    expect(grid.counts).toMatchObject({ missing: 1, on_time: 0, late: 0 });
    // September: nothing generated at all.
    const sept = (await call('yn-province', 'GET', '/api/statutory-reports/overview?kind=monthly&period=2026-09')).json();
    expect(sept.rows).toEqual([expect.objectContaining({ state: 'missing', reportStatus: null, dueDate: '2026-10-08' })]);
    // Roles: the prefecture receives quarterly reports only; a unit reviews nothing.
    expect((await call('cx-office', 'GET', '/api/statutory-reports/overview?kind=monthly&period=2026-10')).statusCode).toBe(403);
    expect((await call('cx-support', 'GET', '/api/statutory-reports/overview?kind=monthly&period=2026-10')).statusCode).toBe(403);
    expect((await call('sc-province', 'GET', '/api/statutory-reports/overview?kind=monthly&period=2026-10')).json().rows).toEqual([]);
  });

  it('flags a late submission; the receiver sends it back, the unit resubmits, the receiver accepts', async () => {
    const sent = await call('cx-support', 'POST', `/api/statutory-reports/${monthlyId}/submit`);
    expect(sent.statusCode, sent.body).toBe(200);
    expect(sent.json()).toMatchObject({ status: 'submitted', late: true, daysLate: 18, submittedBy: 'cx-support', canSubmit: false });
    expect((await call('cx-support', 'POST', '/api/statutory-reports/generate', { kind: 'monthly', period: '2026-10' })).statusCode).toBe(409);
    expect((await call('cx-support', 'PATCH', `/api/statutory-reports/${monthlyId}`, { note: 'x' })).statusCode).toBe(409);
    // Frozen: a record added now does not change what was sent.
    const now = new Date();
    await t.database.db.insert(activities).values({ assignmentId: ids.assignmentId, kind: 'training', setting: 'on_site', date: '2026-10-31', participantCount: 4, content: '补录', recordedBy: 'cx-staff', createdAt: now, updatedAt: now });
    expect((await call('yn-province', 'GET', `/api/statutory-reports/${monthlyId}`)).json()).toMatchObject({ canReview: true, figures: { totals: { activities: 3 } } });
    const grid = (await call('yn-province', 'GET', '/api/statutory-reports/overview?kind=monthly&period=2026-10')).json();
    expect(grid.rows[0]).toMatchObject({ state: 'late', reportId: monthlyId, daysLate: 18 });

    expect((await call('cx-support', 'POST', `/api/statutory-reports/${monthlyId}/accept`)).statusCode).toBe(403);
    expect((await call('cx-office', 'POST', `/api/statutory-reports/${monthlyId}/accept`)).statusCode).toBe(404); // not its area, not its report
    const noReason = await call('yn-province', 'POST', `/api/statutory-reports/${monthlyId}/send-back`, { reason: ' ' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().field).toBe('reason');
    const back = await call('yn-province', 'POST', `/api/statutory-reports/${monthlyId}/send-back`, { reason: '请补报 10 月 31 日的培训' });
    expect(back.json()).toMatchObject({ status: 'sent_back', sendBackReason: '请补报 10 月 31 日的培训', decidedBy: 'yn-province' });
    expect((await call('yn-province', 'GET', '/api/statutory-reports/overview?kind=monthly&period=2026-10')).json().rows[0].state).toBe('sent_back');
    expect((await call('yn-province', 'POST', `/api/statutory-reports/${monthlyId}/accept`)).statusCode).toBe(409);

    const resent = await call('cx-support', 'POST', `/api/statutory-reports/${monthlyId}/submit`);
    expect(resent.json()).toMatchObject({ status: 'submitted', figures: { totals: { activities: 4 } } });
    const accepted = await call('yn-province', 'POST', `/api/statutory-reports/${monthlyId}/accept`);
    expect(accepted.json()).toMatchObject({ status: 'accepted', decidedBy: 'yn-province', canReview: false });
    expect((await call('yn-province', 'POST', `/api/statutory-reports/${monthlyId}/accept`)).statusCode).toBe(409);
    // A write after someone else changed the state (a race past the service's check) changes nothing.
    expect(await updateReport(t.database.db, monthlyId, ['submitted'], { status: 'sent_back', sendBackReason: '迟到的退回' })).toBe(false);
    expect((await call('yn-province', 'GET', `/api/statutory-reports/${monthlyId}`)).json()).toMatchObject({ status: 'accepted', sendBackReason: '请补报 10 月 31 日的培训' });
    const audit = rowsOf<{ summary: string }>(await t.database.db.execute(sql`select summary from audit_events where entity_type = 'statutory_report' and entity_id = ${monthlyId} order by id`));
    expect(audit.map((a) => a.summary)).toEqual([
      expect.stringContaining('生成2026 年 10 月月度统计表'), expect.stringContaining('重新生成'), expect.stringContaining('填报说明'),
      expect.stringContaining('逾期 18 天'), expect.stringContaining('退回'), expect.stringContaining('重新报送'), expect.stringContaining('接收'),
    ]);
  });

  it('shows an on-time submission as on time (China time against the due date)', async () => {
    const sept = await call('cx-support', 'POST', '/api/statutory-reports/generate', { kind: 'monthly', period: '2026-09' });
    expect(sept.json().dueDate).toBe('2026-10-08');
    await call('cx-support', 'POST', `/api/statutory-reports/${sept.json().id}/submit`);
    // As if sent at 23:30 in Beijing on the (postponed) due date.
    await t.database.db.update(statutoryReports).set({ submittedAt: new Date('2026-10-08T15:30:00Z') }).where(eq(statutoryReports.id, sept.json().id));
    expect((await call('yn-province', 'GET', '/api/statutory-reports/overview?kind=monthly&period=2026-09')).json().rows[0]).toMatchObject({ state: 'on_time', daysLate: 0 });
    expect((await call('cx-support', 'GET', `/api/statutory-reports/${sept.json().id}`)).json()).toMatchObject({ late: false, daysLate: 0 });
  });

  it('generates the county quarterly report per pairing and support unit', async () => {
    expect((await call('cx-county', 'GET', '/api/statutory-reports/overview?kind=quarterly&period=2026-Q3')).statusCode).toBe(403);
    const res = await call('cx-county', 'POST', '/api/statutory-reports/generate', { kind: 'quarterly', period: '2026-Q3' });
    expect(res.statusCode, res.body).toBe(201);
    const r = res.json();
    quarterlyId = r.id;
    expect(r).toMatchObject({ dueDate: '2026-10-08', submitter: { name: '武定县卫生健康局' }, receiver: { name: '楚雄彝族自治州卫生健康委员会' }, figures: { deadline: { nominal: '2026-10-05', postponed: true } } });
    expect(r.figures.rows.map((x: { supportName: string }) => x.supportName)).toEqual(['云南省第一人民医院', '解放军第401医院']);
    expect(r.figures.rows[0]).toMatchObject({
      recipientName: '武定县人民医院', persons: 1, personNames: ['李医生'], onSiteDays: 2, leaveDays: 0, spotAbsences: 0,
      agreementSignedOn: '2026-03-05', agreementsSigned: 1, visits: 1, visitsLed: 1, taskReports: 1,
    });
    expect(r.figures.rows[1]).toMatchObject({ persons: 0, agreementSignedOn: null, visits: 0, taskReports: 0 });
    expect(r.figures.totals).toEqual({ persons: 1, onSiteDays: 2, leaveDays: 0, spotAbsences: 0, agreementsSigned: 1, visits: 1, visitsLed: 1, taskReports: 1 });

    const grid = (await call('cx-office', 'GET', '/api/statutory-reports/overview?kind=quarterly&period=2026-Q3')).json();
    expect(grid.rows).toEqual([expect.objectContaining({ submitter: expect.objectContaining({ name: '武定县卫生健康局' }), regionName: '武定县', state: 'missing', dueDate: '2026-10-08' })]);
    const sent = await call('cx-county', 'POST', `/api/statutory-reports/${quarterlyId}/submit`);
    expect(sent.json()).toMatchObject({ status: 'submitted', late: true, daysLate: 46 });
    expect((await call('cx-office', 'GET', '/api/statutory-reports/overview?kind=quarterly&period=2026-Q3')).json().rows[0]).toMatchObject({ state: 'late', reportId: quarterlyId });
    expect((await call('cx-office', 'GET', '/api/statutory-reports?box=received')).json().items.map((x: { id: string }) => x.id)).toEqual([quarterlyId]);
  });

  it('keeps other regions out', async () => {
    expect((await call('my-office', 'GET', '/api/statutory-reports')).json().total).toBe(0);
    expect((await call('my-office', 'GET', `/api/statutory-reports/${quarterlyId}`)).statusCode).toBe(404);
    expect((await call('my-office', 'GET', `/api/statutory-reports/${monthlyId}/export.xlsx`)).statusCode).toBe(404);
    expect((await call('sc-province', 'GET', '/api/statutory-reports')).json().total).toBe(0);
    // The county does not see the hospital's monthly report; the hospital not the county's.
    expect((await call('cx-county', 'GET', `/api/statutory-reports/${monthlyId}`)).statusCode).toBe(404);
    expect((await call('cx-support', 'GET', '/api/statutory-reports')).json().items.map((x: { kind: string }) => x.kind)).toEqual(['monthly', 'monthly']);
    // The province sees its area: the county's quarterly report is in Yunnan.
    const yn = (await call('yn-province', 'GET', '/api/statutory-reports?box=received&pageSize=50')).json();
    expect(yn.items.map((x: { period: string }) => x.period).sort()).toEqual(['2026-09', '2026-10', '2026-Q3']);
  });

  it('exports a report as .xlsx with title, header, rows and totals', async () => {
    const res = await call('yn-province', 'GET', `/api/statutory-reports/${monthlyId}/export.xlsx`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(decodeURIComponent(String(res.headers['content-disposition']))).toContain('云南省第一人民医院2026 年 10 月统计表.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('月度统计表')!;
    const row = (r: number) => Array.from({ length: 13 }, (_, i) => ws.getCell(r, i + 1).value);
    expect(ws.getCell('A1').value).toBe('云南省第一人民医院2026 年 10 月统计表');
    expect(ws.getCell('M1').master.address).toBe('A1');
    expect(String(ws.getCell('A2').value)).toContain('接收单位：云南省卫生健康委员会');
    expect(String(ws.getCell('A2').value)).toContain('逾期 18 天');
    expect(row(3)).toEqual(['序号', '受援单位', '所在县（市、区）', '在岗人数', '在岗人员', '在岗天数', '请假天数', '缺勤天数', '抽查人次', '抽查在岗', '抽查缺岗', '抽查请假', '带教指导次数']);
    expect(row(4)).toEqual([1, '武定县人民医院', '武定县', 1, '李医生', 3, 2, 1, 2, 1, 1, 0, 4]);
    expect(row(5)).toEqual(['合计', '', '', 1, '', 3, 2, 1, 2, 1, 1, 0, 4]);

    const q = await call('cx-office', 'GET', `/api/statutory-reports/${quarterlyId}/export.xlsx`);
    const qb = new ExcelJS.Workbook();
    await qb.xlsx.load(q.rawPayload as unknown as ArrayBuffer);
    const qs = qb.getWorksheet('季度统计表')!;
    const qrow = (r: number) => Array.from({ length: 12 }, (_, i) => qs.getCell(r, i + 1).value);
    expect(qs.getCell('A1').value).toBe('武定县卫生健康局2026 年第 3 季度统计表');
    expect(String(qs.getCell('A2').value)).toContain('截止日期：2026-10-08（原定 2026-10-05，节假日顺延）');
    expect(qrow(4)).toEqual([1, '武定县人民医院', '云南省第一人民医院', 1, '李医生', 2, 0, 0, '2026-03-05', 1, 1, 1]);
    expect(qrow(5)).toEqual([2, '武定县人民医院', '解放军第401医院', 0, '', 0, 0, 0, '未签订', 0, 0, 0]);
    expect(qrow(6)).toEqual(['合计', '', '', 1, '', 2, 0, 0, '已签 1', 1, 1, 1]);
  });
});
