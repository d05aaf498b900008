import { activities, mentorshipApprentices, mentorships } from '@duikou/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatchCxStaff } from '../../test/dispatch.fixture.js';
import { pdfText } from '../../test/pdf.fixture.js';
import { createTestApp, testDatabases, type TestApp } from '../../test/test-app.js';

// The test clock stands at 2026-11-23. 李医生's one-year CX term at 武定县人民医院 ended yesterday (2025-11-23 … 2026-11-22):
// one help year. The chain: 受援医院 (cx-recipient) → 武定县卫生健康局 (cx-county) → 楚雄州卫健委 (cx-office) → 云南省卫健委 (yn-province).
describe.each(testDatabases())('annual appraisal on %s', (kind) => {
  let t: TestApp;
  let ids: Awaited<ReturnType<typeof dispatchCxStaff>>;
  let appraisalId: string;
  const as = async (username: string) => t.login(username);
  const forward = async (username: string, comment?: string) =>
    t.request('POST', `/api/appraisals/${appraisalId}/forward`, { cookie: await as(username), body: comment ? { comment } : {} });
  const sendBack = async (username: string, reason: string) =>
    t.request('POST', `/api/appraisals/${appraisalId}/send-back`, { cookie: await as(username), body: { reason } });

  beforeAll(async () => {
    t = await createTestApp(kind);
    ids = await dispatchCxStaff(t, { start: '2025-11-23', end: '2026-11-22' });
    const recipient = await as('cx-recipient');
    // Attendance in November: 5 days on duty, 1 on official business, 1 absent, a Saturday at rest.
    const entries = [
      ...['2026-11-02', '2026-11-03', '2026-11-04', '2026-11-05', '2026-11-06'].map((date) => ({ assignmentId: ids.assignmentId, date, status: 'on_duty' })),
      { assignmentId: ids.assignmentId, date: '2026-11-07', status: 'rest' },
      { assignmentId: ids.assignmentId, date: '2026-11-09', status: 'official_business' },
      { assignmentId: ids.assignmentId, date: '2026-11-10', status: 'absent' },
    ];
    const days = await t.request('PUT', '/api/attendance/months/2026-11/days', { cookie: recipient, body: { entries } });
    expect(days.statusCode, days.body).toBe(200);
    // A two-working-day leave (approved at once), a spot check that found her absent.
    const leave = await t.request('POST', '/api/leave-requests', { cookie: await as('cx-staff'), body: { startDate: '2026-11-16', endDate: '2026-11-17', kind: 'personal', reason: '家中有事' } });
    expect(leave.json().status, leave.body).toBe('approved');
    const office = await as('cx-office');
    const check = await t.request('POST', '/api/spot-checks', { cookie: office, body: { method: 'phone', date: '2026-11-11', sample: { kind: 'picked', assignmentIds: [ids.assignmentId] } } });
    expect(check.statusCode, check.body).toBe(201);
    await t.request('PUT', `/api/spot-checks/${check.json().id}/results/${ids.assignmentId}`, { cookie: office, body: { result: 'absent', reason: '电话无人接听' } });
    // Two annual tasks, one done; the Q3 feedback given late.
    const task = async (title: string) => (await t.request('POST', '/api/tasks', { cookie: recipient, body: { assignmentId: ids.assignmentId, year: 2026, title } })).json().id as string;
    const [a, b] = [await task('新生儿复苏培训'), await task('儿科急诊分诊流程')];
    const report = await t.request('POST', '/api/quarterly-reports', { cookie: recipient, body: {
      assignmentId: ids.assignmentId, quarter: '2026-Q3', summary: '教学查房 10 次', tasks: [{ taskId: a, status: 'done' }, { taskId: b, status: 'in_progress' }],
    } });
    expect(report.statusCode, report.body).toBe(201);
    // Teaching records and an apprentice (their own modules have their own tests).
    const now = new Date();
    await t.database.db.insert(activities).values([
      { assignmentId: ids.assignmentId, kind: 'teaching_rounds', setting: 'on_site', date: '2026-10-12', participantCount: 8, content: '儿科教学查房', recordedBy: 'cx-staff', createdAt: now, updatedAt: now },
      { assignmentId: ids.assignmentId, kind: 'surgery_demo', setting: 'on_site', date: '2026-10-20', participantCount: 3, content: '手术示范', recordedBy: 'cx-staff', createdAt: now, updatedAt: now },
      { assignmentId: ids.assignmentId, kind: 'remote_guidance', setting: 'off_site', channel: 'wechat', date: '2026-10-25', participantCount: 2, content: '微信病例点评', recordedBy: 'cx-staff', createdAt: now, updatedAt: now },
      { assignmentId: ids.assignmentId, kind: 'training', setting: 'on_site', date: '2025-10-01', participantCount: 9, content: '派驻前的培训（不在帮扶年度内）', recordedBy: 'cx-staff', createdAt: now, updatedAt: now },
    ]);
    const [m] = await t.database.db.insert(mentorships).values({ assignmentId: ids.assignmentId, year: 2026, signedOn: '2026-01-10', createdBy: 'cx-support', createdAt: now, updatedAt: now }).returning();
    await t.database.db.insert(mentorshipApprentices).values({ mentorshipId: m!.id, name: '王医生', specialtyTitle: '儿科 住院医师', learningSpecialty: '儿科', learningGoal: '独立处理常见病' });
  });
  afterAll(async () => { await t?.close(); });

  const expectedFigures = {
    period: { from: '2025-11-23', to: '2026-11-22' },
    onSite: { ruleId: 'on-site.working-days', done: 6, required: 240 },
    onSiteDaysInPeriod: 6,
    attendance: { on_duty: 5, official_business: 1, absent: 1, rest: 1, leave: 2 },
    leave: { requests: 1, approved: 1, approvedWorkingDays: 2 },
    spotChecks: { checks: 1, present: 0, absent: 1, onLeave: 0 },
    activities: { total: 3, onSite: 2, offSite: 1, byKind: { teaching_rounds: 1, surgery_demo: 1, remote_guidance: 1 } },
    tasks: { total: 2, done: 1, inProgress: 1, notStarted: 0, unreported: 0 },
    quarterlyReports: { submitted: 1, late: 1 },
    apprentices: 1,
  };

  it('pre-fills the form from the records of the help year', async () => {
    const res = await t.request('GET', `/api/appraisals/prefill?assignmentId=${ids.assignmentId}`, { cookie: await as('cx-recipient') });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().periods).toEqual([{ from: '2025-11-23', to: '2026-11-22', appraisalId: null }]);
    expect(res.json().figures).toMatchObject(expectedFigures);
    expect(res.json().chain.map((c: { label: string }) => c.label)).toEqual(['受援医院鉴定', '县级卫生健康行政部门意见', '州（市）卫生健康委审核', '省卫生健康委备案']);
  });

  it('the office sees whose help year ended without an appraisal', async () => {
    const res = await t.request('GET', '/api/appraisals/overview?year=2026', { cookie: await as('cx-office') });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ total: 1, counts: { none: 1, draft: 0, in_review: 0, filed: 0 } });
    expect(res.json().items[0]).toMatchObject({ period: { from: '2025-11-23', to: '2026-11-22' }, appraisalId: null, status: null, awaitingLabel: '受援医院鉴定', verdict: { ruleId: 'appraisal.chain', status: 'at_risk' } });
    expect((await t.request('GET', '/api/appraisals/overview?year=2025', { cookie: await as('cx-office') })).json().total).toBe(0);
  });

  it('only the recipient starts it', async () => {
    expect((await t.request('POST', '/api/appraisals', { cookie: await as('cx-support'), body: { assignmentId: ids.assignmentId } })).statusCode).toBe(403);
    const county = await t.request('POST', '/api/appraisals', { cookie: await as('cx-county'), body: { assignmentId: ids.assignmentId } });
    expect(county.statusCode).toBe(403);
    expect(county.json().message).toContain('武定县人民医院');
    const res = await t.request('POST', '/api/appraisals', { cookie: await as('cx-recipient'), body: { assignmentId: ids.assignmentId, grade: 'unqualified' } });
    expect(res.statusCode, res.body).toBe(201);
    appraisalId = res.json().id;
    expect(res.json()).toMatchObject({ status: 'draft', stage: 0, awaiting: 'recipient_unit', mine: true, figuresSource: 'live', figures: expectedFigures });
    expect(res.json().verdicts[0]).toMatchObject({ ruleId: 'appraisal.chain', status: 'at_risk' });
    expect((await t.request('POST', '/api/appraisals', { cookie: await as('cx-recipient'), body: { assignmentId: ids.assignmentId } })).statusCode).toBe(409);
  });

  it('each step is taken by its party only, in order; the county must give an opinion', async () => {
    expect((await forward('cx-county', '同意')).json().message).toContain('当前等待「受援医院鉴定」');
    const noComments = await forward('cx-recipient');
    expect(noComments.statusCode).toBe(400);
    expect(noComments.json().field).toBe('comments');
    await t.request('PATCH', `/api/appraisals/${appraisalId}`, { cookie: await as('cx-recipient'), body: { comments: '多次无故离岗，抽查不在岗' } });
    const submitted = await forward('cx-recipient');
    expect(submitted.json()).toMatchObject({ stage: 1, status: 'in_review', awaiting: 'county_office', mine: false, figuresSource: 'submitted', figures: expectedFigures });
    expect((await t.request('PATCH', `/api/appraisals/${appraisalId}`, { cookie: await as('cx-recipient'), body: { grade: 'qualified' } })).statusCode).toBe(409);
    expect((await forward('cx-office')).statusCode).toBe(403);
    expect((await forward('yn-province')).statusCode).toBe(403);
    expect((await forward('admin')).statusCode).toBe(403);
    expect((await t.request('GET', '/api/appraisals?todo=true', { cookie: await as('cx-county') })).json().total).toBe(1);
    expect((await t.request('GET', '/api/appraisals?todo=true', { cookie: await as('cx-office') })).json().total).toBe(0);
    const silent = await forward('cx-county');
    expect(silent.statusCode).toBe(400);
    expect(silent.json().field).toBe('comment');
    expect((await forward('cx-county', '情况属实，同意受援医院鉴定意见')).json()).toMatchObject({ stage: 2, awaiting: 'prefecture_office' });
  });

  it('a reviewer sends it back one step for correction, down to the recipient', async () => {
    expect((await sendBack('cx-county', '已提交')).statusCode).toBe(403);
    const back = await sendBack('cx-office', '请核实抽查情况并补充说明');
    expect(back.json()).toMatchObject({ stage: 1, awaiting: 'county_office' });
    expect((await sendBack('cx-county', '请补充抽查不在岗的具体日期')).json()).toMatchObject({ stage: 0, status: 'draft', awaiting: 'recipient_unit' });
    expect((await sendBack('cx-recipient', 'x')).statusCode).toBe(409);
    const fixed = await t.request('PATCH', `/api/appraisals/${appraisalId}`, { cookie: await as('cx-recipient'), body: { comments: '2026-11-10 无故离岗；2026-11-11 州卫健委电话抽查不在岗' } });
    expect(fixed.json().comments).toContain('2026-11-11');
    expect((await forward('cx-recipient')).json().stage).toBe(1);
    expect((await forward('cx-county', '情况属实')).json().stage).toBe(2);
    expect((await forward('cx-office', '审核同意')).json()).toMatchObject({ stage: 3, awaiting: 'provincial_office' });
    const filed = await forward('yn-province', '已备案');
    expect(filed.json()).toMatchObject({ stage: 4, status: 'filed', awaiting: null, completedOn: '2026-11-23' });
    expect(filed.json().steps.map((s: { party: string; action: string }) => `${s.party}:${s.action}`)).toEqual([
      'recipient_unit:submit', 'county_office:approve', 'prefecture_office:send_back', 'county_office:send_back',
      'recipient_unit:submit', 'county_office:approve', 'prefecture_office:approve', 'provincial_office:approve',
    ]);
    expect((await forward('yn-province')).statusCode).toBe(409);
    const overview = (await t.request('GET', '/api/appraisals/overview', { cookie: await as('cx-county') })).json();
    expect(overview).toMatchObject({ counts: { none: 0, filed: 1 }, items: [{ appraisalId, status: 'filed', grade: 'unqualified', verdict: { status: 'met' } }] });
    expect((await t.request('GET', '/api/appraisals/overview?unfinishedOnly=true', { cookie: await as('cx-county') })).json().total).toBe(0);
  });

  it('an unqualified grade bars promotion for two years from its filing', async () => {
    const detail = (await t.request('GET', `/api/appraisals/${appraisalId}`, { cookie: await as('cx-staff') })).json();
    expect(detail.verdicts.map((v: { ruleId: string; status: string }) => [v.ruleId, v.status])).toEqual([['appraisal.chain', 'met'], ['appraisal.promotion-bar', 'unmet']]);
    expect(detail.verdicts[1]).toMatchObject({ citation: '楚卫通〔2018〕43号 二（七）', figures: { decidedOn: '2026-11-23', barUntil: '2028-11-22', allowedFrom: '2028-11-23' } });
    const audit = (await t.request('GET', `/api/audit-events?entityType=appraisal&entityId=${appraisalId}`, { cookie: await as('admin') })).json();
    expect(audit.total).toBe(11); // created, 2 edits, 8 steps
  });

  it('prints the form with the figures, the grade and every opinion', async () => {
    const res = await t.request('GET', `/api/appraisals/${appraisalId}/form.pdf`, { cookie: await as('cx-office') });
    expect(res.statusCode, res.body.slice(0, 200)).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    // Cells wrap anywhere: compare without whitespace.
    const text = (await pdfText(res.rawPayload)).replace(/\s+/g, '');
    for (const words of ['对口帮扶派驻人员年度鉴定表', '李医生', '云南省第一人民医院', '武定县人民医院', '2025-11-23 至 2026-11-22', '■ 不合格', '本帮扶年度在岗 6 天',
      '请假 1 次（2 个工作日）', '不在岗 1 次', '年度任务 2 项，已完成 1 项', '逾期 1 份', '2026-11-11 州卫健委电话抽查不在岗', '情况属实', '审核同意', '已备案', 'yn-province']) {
      expect(text, words).toContain(words.replace(/\s+/g, ''));
    }
  });

  it('keeps other regions out', async () => {
    for (const user of ['my-office', 'sc-province', 'my-recipient']) {
      const cookie = await as(user);
      expect((await t.request('GET', '/api/appraisals', { cookie })).json().total, user).toBe(0);
      expect((await t.request('GET', '/api/appraisals/overview', { cookie })).json().total, user).toBe(0);
      expect((await t.request('GET', `/api/appraisals/${appraisalId}`, { cookie })).statusCode, user).toBe(404);
      expect((await t.request('GET', `/api/appraisals/${appraisalId}/form.pdf`, { cookie })).statusCode, user).toBe(404);
    }
    expect((await t.request('POST', `/api/appraisals/${appraisalId}/send-back`, { cookie: await as('sc-province'), body: { reason: 'x' } })).statusCode).toBe(404);
  });
});
