import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatchCxStaff } from '../../test/dispatch.fixture.js';
import { createTestApp, testDatabases, type TestApp } from '../../test/test-app.js';

// The test clock stands at 2026-11-23 (a Monday); 李医生 is posted to 武定县人民医院 under CX.
describe.each(testDatabases())('leave on %s', (kind) => {
  let t: TestApp;
  let staff: string;
  let ids: Awaited<ReturnType<typeof dispatchCxStaff>>;
  const ask = (body: object) => t.request('POST', '/api/leave-requests', { cookie: staff, body: { kind: 'personal', reason: '家中有事', ...body } });
  const decide = async (username: string, id: string, decision = 'approve', comment?: string) =>
    t.request('POST', `/api/leave-requests/${id}/decision`, { cookie: await t.login(username), body: { decision, ...(comment ? { comment } : {}) } });

  beforeAll(async () => {
    t = await createTestApp(kind);
    ids = await dispatchCxStaff(t, { start: '2026-09-01', end: '2026-12-31' });
    staff = await t.login('cx-staff');
  });
  afterAll(async () => { await t?.close(); });

  it('a 2-working-day leave needs no approval and shows in attendance at once', async () => {
    const res = await ask({ startDate: '2026-11-24', endDate: '2026-11-25' });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ workingDays: 2, status: 'approved', approvals: [] });
    expect(res.json().filings.map((f: { label: string }) => f.label)).toEqual(['省级项目管理办公室', '州级项目管理办公室']);
    const grid = (await t.request('GET', '/api/attendance/months/2026-11', { cookie: await t.login('cx-recipient') })).json();
    expect(grid.rows[0].cells['2026-11-24']).toMatchObject({ status: 'leave', source: 'leave' });
  });

  it('a 4-working-day leave over a weekend waits for the recipient director only', async () => {
    const res = await ask({ startDate: '2026-11-26', endDate: '2026-12-01' });
    const leave = res.json();
    expect(leave).toMatchObject({ workingDays: 4, calendarDays: 6, status: 'pending', awaiting: 'recipient_director' });
    expect(leave.approvals.map((s: { label: string }) => s.label)).toEqual(['派驻医院院长']);
    const refused = await decide('cx-office', leave.id);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().message).toContain('派驻医院院长');
    const todo = (await t.request('GET', '/api/leave-requests?todo=true', { cookie: await t.login('cx-recipient') })).json();
    expect(todo.items.map((l: { id: string }) => l.id)).toEqual([leave.id]);
    const approved = await decide('cx-recipient', leave.id);
    expect(approved.json()).toMatchObject({ status: 'approved', awaiting: null });
    expect(approved.json().verdicts.find((v: { ruleId: string }) => v.ruleId === 'leave.approvals').status).toBe('met');
  });

  it('a 6-working-day leave goes to the director, then the provincial and the prefecture offices, in that order', async () => {
    const leave = (await ask({ startDate: '2026-12-02', endDate: '2026-12-09' })).json();
    expect(leave.workingDays).toBe(6);
    expect(leave.approvals.map((s: { party: string }) => s.party)).toEqual(['recipient_director', 'provincial_office', 'prefecture_office']);
    expect((await decide('cx-recipient', leave.id)).json().awaiting).toBe('provincial_office');
    expect((await decide('cx-office', leave.id)).statusCode).toBe(403);
    expect((await t.request('GET', '/api/leave-requests?todo=true', { cookie: await t.login('yn-province') })).json().total).toBe(1);
    expect((await decide('yn-province', leave.id)).json().awaiting).toBe('prefecture_office');
    const done = await decide('cx-office', leave.id);
    expect(done.json()).toMatchObject({ status: 'approved' });
    expect(done.json().approvals.map((s: { decidedBy: string }) => s.decidedBy)).toEqual(['cx-recipient', 'yn-province', 'cx-office']);
    const audit = (await t.request('GET', `/api/audit-events?entityType=leave&entityId=${leave.id}`, { cookie: await t.login('admin') })).json().items;
    expect(audit.length).toBe(4);
  });

  it('counts only working days across the National Day holiday (and its Saturday 调休 working day)', async () => {
    const res = await ask({ startDate: '2026-09-30', endDate: '2026-10-10', kind: 'family' });
    expect(res.json()).toMatchObject({ workingDays: 4, calendarDays: 11, status: 'pending' });
    expect(res.json().approvals.map((s: { party: string }) => s.party)).toEqual(['recipient_director']);
    const rejected = await decide('cx-recipient', res.json().id, 'reject');
    expect(rejected.json().field).toBe('comment');
    expect((await decide('cx-recipient', res.json().id, 'reject', '国庆期间科室人手紧张')).json().status).toBe('rejected');
  });

  it('an emergency recall needs the offices whatever its length', async () => {
    const res = await ask({ startDate: '2026-12-14', endDate: '2026-12-14', kind: 'emergency_recall', reason: '本院突发公共卫生事件应急' });
    expect(res.json().approvals.map((s: { party: string }) => s.party)).toEqual(['provincial_office', 'prefecture_office']);
    const overlap = await ask({ startDate: '2026-12-14', endDate: '2026-12-15' });
    expect(overlap.statusCode).toBe(409);
  });

  it('returning early (销假) closes the leave and frees the days after it', async () => {
    const leave = (await ask({ startDate: '2026-12-21', endDate: '2026-12-22' })).json();
    expect(leave.status).toBe('approved');
    const back = await t.request('POST', `/api/leave-requests/${leave.id}/return`, { cookie: staff, body: { date: '2026-12-22' } });
    expect(back.json()).toMatchObject({ status: 'closed', returnedOn: '2026-12-22' });
    const grid = (await t.request('GET', '/api/attendance/months/2026-12', { cookie: await t.login('cx-recipient') })).json();
    expect(grid.rows[0].cells['2026-12-21']).toMatchObject({ status: 'leave' });
    expect(grid.rows[0].cells['2026-12-22']).toBeUndefined();
  });

  it('previews the working days and the approval chain before asking, and records nothing', async () => {
    const before = (await t.request('GET', '/api/leave-requests', { cookie: staff })).json().total;
    const preview = await t.request('POST', '/api/leave-requests/preview', { cookie: staff, body: { startDate: '2026-12-15', endDate: '2026-12-18', kind: 'personal' } });
    expect(preview.statusCode, preview.body).toBe(200);
    expect(preview.json()).toMatchObject({ workingDays: 4, calendarDays: 4, emergencyRecall: false, approvals: [{ party: 'recipient_director', label: '派驻医院院长' }] });
    expect(preview.json().filings.length).toBe(2);
    expect((await t.request('GET', '/api/leave-requests', { cookie: staff })).json().total).toBe(before);
    const weekend = await t.request('POST', '/api/leave-requests/preview', { cookie: staff, body: { startDate: '2026-12-19', endDate: '2026-12-20', kind: 'personal', reason: 'x' } });
    expect(weekend.statusCode).toBe(400);
    expect(weekend.json().message).toContain('外出报备');
    const after = await t.request('POST', '/api/leave-requests/preview', { cookie: staff, body: { startDate: '2027-01-04', endDate: '2027-01-05', kind: 'personal', reason: 'x' } });
    expect(after.statusCode).toBe(400);
    expect(after.json().field).toBe('startDate');
    expect((await t.request('POST', '/api/leave-requests/preview', { cookie: await t.login('cx-office'), body: { startDate: '2026-12-15', endDate: '2026-12-18', kind: 'personal', reason: 'x' } })).statusCode).toBe(403);
  });

  it('refuses leave on days off, and takes trips on days off as reports instead', async () => {
    const weekend = await ask({ startDate: '2026-12-12', endDate: '2026-12-13' });
    expect(weekend.statusCode).toBe(400);
    expect(weekend.json().message).toContain('外出报备');
    const trip = await t.request('POST', '/api/trip-reports', { cookie: staff, body: { startDate: '2026-12-12', endDate: '2026-12-13', destination: '昆明', reason: '探亲' } });
    expect(trip.statusCode, trip.body).toBe(201);
    const withWorkday = await t.request('POST', '/api/trip-reports', { cookie: staff, body: { startDate: '2026-12-12', endDate: '2026-12-14', destination: '昆明' } });
    expect(withWorkday.statusCode).toBe(400);
    expect(withWorkday.json().message).toContain('1 个工作日');
    expect((await t.request('GET', '/api/trip-reports', { cookie: await t.login('cx-recipient') })).json().total).toBe(1);
  });

  it('pages the list with its real total', async () => {
    const recipient = await t.login('cx-recipient');
    const all = (await t.request('GET', '/api/leave-requests?pageSize=200', { cookie: recipient })).json();
    expect(all.total).toBe(all.items.length);
    expect(all.total).toBeGreaterThan(3);
    const first = (await t.request('GET', '/api/leave-requests?pageSize=2', { cookie: recipient })).json();
    expect(first.items).toHaveLength(2);
    expect(first.total).toBe(all.total);
    const last = (await t.request('GET', `/api/leave-requests?pageSize=2&page=${Math.ceil(all.total / 2)}`, { cookie: recipient })).json();
    expect(last.total).toBe(all.total);
    expect(last.items.length).toBe(all.total % 2 || 2);
  });

  it('keeps leave in scope and attachments with it', async () => {
    const note = Buffer.from('%PDF-1.4 sick note').toString('base64');
    const sick = await ask({ startDate: '2026-12-28', endDate: '2026-12-28', kind: 'sick', attachment: { name: '病假证明.pdf', type: 'application/pdf', base64: note } });
    expect(sick.json().attachmentName).toBe('病假证明.pdf');
    const file = await t.request('GET', `/api/leave-requests/${sick.json().id}/attachment`, { cookie: await t.login('cx-recipient') });
    expect(file.headers['content-type']).toBe('application/pdf');
    expect(file.body).toContain('sick note');
    const my = await t.login('my-office');
    expect((await t.request('GET', '/api/leave-requests', { cookie: my })).json().total).toBe(0);
    expect((await t.request('GET', `/api/leave-requests/${sick.json().id}`, { cookie: my })).statusCode).toBe(404);
    expect((await t.request('POST', `/api/leave-requests/${sick.json().id}/decision`, { cookie: my, body: { decision: 'approve' } })).statusCode).toBe(404);
  });
});
