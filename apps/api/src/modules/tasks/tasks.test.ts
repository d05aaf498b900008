import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatchCxStaff } from '../../test/dispatch.fixture.js';
import { createTestApp, testDatabases, type TestApp } from '../../test/test-app.js';

// The test clock stands at 2026-11-23; 李医生 serves at 武定县人民医院 from 2026-03-01 to 2026-12-31 under CX.
describe.each(testDatabases())('annual tasks and quarterly progress on %s', (kind) => {
  let t: TestApp;
  let recipient: string;
  let support: string;
  let assignmentId: string;
  const taskIds: string[] = [];
  let q3: string;

  beforeAll(async () => {
    t = await createTestApp(kind);
    ({ assignmentId } = await dispatchCxStaff(t, { start: '2026-03-01', end: '2026-12-31' }));
    [recipient, support] = await Promise.all([t.login('cx-recipient'), t.login('cx-support')]);
  });
  afterAll(async () => { await t?.close(); });

  it('the recipient sets the annual tasks; the support unit may not', async () => {
    for (const title of ['开展新生儿复苏培训', '建立儿科急诊分诊流程']) {
      const res = await t.request('POST', '/api/tasks', { cookie: recipient, body: { assignmentId, year: 2026, title, target: '年内完成' } });
      expect(res.statusCode, res.body).toBe(201);
      expect(res.json()).toMatchObject({ title, year: 2026, latestStatus: null, canEdit: true, assignment: { personName: '李医生', recipientOrg: { name: '武定县人民医院' } } });
      taskIds.push(res.json().id);
    }
    const bySupport = await t.request('POST', '/api/tasks', { cookie: support, body: { assignmentId, year: 2026, title: 'x' } });
    expect(bySupport.statusCode).toBe(403);
    expect((await t.request('POST', '/api/tasks', { cookie: recipient, body: { assignmentId, year: 2025, title: 'x' } })).json().field).toBe('year');
    const mine = (await t.request('GET', '/api/tasks', { cookie: await t.login('cx-staff') })).json();
    expect(mine.total).toBe(2);
    expect(mine.items[0].canEdit).toBe(false);
  });

  it('flags every quarter not reported by its due date (5th of the next quarter, postponed past holidays)', async () => {
    const res = await t.request('GET', '/api/quarterly-reports/schedule?year=2026', { cookie: support });
    expect(res.statusCode, res.body).toBe(200);
    const [person] = res.json().items;
    expect(person.quarters.map((x: { quarter: string; due: string | null; verdict: { status: string } }) => [x.quarter, x.due, x.verdict.status])).toEqual([
      ['2026-Q1', '2026-04-07', 'unmet'], // 5 April is Qingming: due the Tuesday after
      ['2026-Q2', '2026-07-06', 'unmet'], // a Sunday
      ['2026-Q3', '2026-10-08', 'unmet'], // National Day
      ['2026-Q4', null, 'not_applicable'], // 2027 has no holiday calendar yet: due 2027-01-05 at the earliest
    ]);
    expect(person.status).toBe('unmet');
    expect(person.quarters[0].verdict).toMatchObject({ ruleId: 'progress.quarterly', citation: '楚卫通〔2018〕43号 二（三）', figures: { daysLate: 230 } });
  });

  it('a report is dated by the server: late for Q3, on time for the quarter under way', async () => {
    const late = await t.request('POST', '/api/quarterly-reports', { cookie: recipient, body: {
      assignmentId, quarter: '2026-Q3', summary: '完成儿科教学查房 12 次，指导开展新生儿复苏 5 例',
      tasks: [{ taskId: taskIds[0], status: 'in_progress', progress: '已培训 2 批' }, { taskId: taskIds[1], status: 'done' }],
    } });
    expect(late.statusCode, late.body).toBe(201);
    q3 = late.json().id;
    expect(late.json()).toMatchObject({ submittedOn: '2026-11-23', submittedBy: 'cx-recipient', due: '2026-10-08', daysLate: 46, tasks: [{ title: '开展新生儿复苏培训', status: 'in_progress' }, { status: 'done' }] });
    const now = await t.request('POST', '/api/quarterly-reports', { cookie: recipient, body: { assignmentId, quarter: '2026-Q4', summary: '本季度工作情况', tasks: [{ taskId: taskIds[0], status: 'done' }] } });
    expect(now.statusCode, now.body).toBe(201);
    const schedule = (await t.request('GET', `/api/quarterly-reports/schedule?year=2026&assignmentId=${assignmentId}`, { cookie: recipient })).json();
    expect(schedule.items[0].quarters.map((x: { verdict: { status: string } }) => x.verdict.status)).toEqual(['unmet', 'unmet', 'unmet', 'met']);
    expect(schedule.items[0].quarters[2].verdict.explanation).toContain('2026-11-23 反馈，逾期 46 天');
    const tasks = (await t.request('GET', `/api/tasks?assignmentId=${assignmentId}`, { cookie: support })).json().items;
    expect(tasks.map((x: { latestStatus: string; latestQuarter: string }) => [x.latestStatus, x.latestQuarter])).toEqual([['done', '2026-Q4'], ['done', '2026-Q3']]);
  });

  it('refuses a second report of a quarter, quarters outside the term and tasks of someone else', async () => {
    expect((await t.request('POST', '/api/quarterly-reports', { cookie: recipient, body: { assignmentId, quarter: '2026-Q3', summary: 'x' } })).statusCode).toBe(409);
    expect((await t.request('POST', '/api/quarterly-reports', { cookie: recipient, body: { assignmentId, quarter: '2025-Q4', summary: 'x' } })).json().field).toBe('quarter');
    const foreign = await t.request('POST', '/api/quarterly-reports', { cookie: recipient, body: { assignmentId, quarter: '2026-Q2', summary: 'x', tasks: [{ taskId: assignmentId, status: 'done' }] } });
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().field).toBe('tasks.0.taskId');
    expect((await t.request('POST', '/api/quarterly-reports', { cookie: support, body: { assignmentId, quarter: '2026-Q2', summary: 'x' } })).statusCode).toBe(403);
  });

  it('a correction keeps the submission date; a reported task cannot be deleted', async () => {
    const fixed = await t.request('PATCH', `/api/quarterly-reports/${q3}`, { cookie: recipient, body: { summary: '更正：完成教学查房 14 次' } });
    expect(fixed.json()).toMatchObject({ summary: '更正：完成教学查房 14 次', submittedOn: '2026-11-23', daysLate: 46 });
    expect((await t.request('DELETE', `/api/tasks/${taskIds[1]}`, { cookie: recipient })).statusCode).toBe(409);
    const extra = (await t.request('POST', '/api/tasks', { cookie: recipient, body: { assignmentId, year: 2026, title: '临时任务' } })).json();
    expect((await t.request('DELETE', `/api/tasks/${extra.id}`, { cookie: recipient })).json()).toEqual({ result: 'deleted' });
    const audit = (await t.request('GET', '/api/audit-events?entityType=quarterly_report', { cookie: await t.login('admin') })).json();
    expect(audit.total).toBe(3);
  });

  it('lateOnly lists the persons with a late quarter; other regions see nothing', async () => {
    expect((await t.request('GET', '/api/quarterly-reports/schedule?lateOnly=true', { cookie: await t.login('cx-office') })).json().total).toBe(1);
    expect((await t.request('GET', '/api/quarterly-reports/schedule?year=2019', { cookie: await t.login('cx-office') })).json().total).toBe(0);
    const my = await t.login('my-office');
    expect((await t.request('GET', '/api/quarterly-reports', { cookie: my })).json().total).toBe(0);
    expect((await t.request('GET', `/api/quarterly-reports/${q3}`, { cookie: my })).statusCode).toBe(404);
    expect((await t.request('GET', `/api/tasks/${taskIds[0]}`, { cookie: my })).statusCode).toBe(404);
    expect((await t.request('GET', '/api/quarterly-reports/schedule', { cookie: my })).json().total).toBe(0);
  });
});
