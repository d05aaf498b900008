import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatchCxStaff } from '../../test/dispatch.fixture.js';
import { createTestApp, testDatabases, type TestApp } from '../../test/test-app.js';

// The test clock stands at 2026-11-23 10:00 in China (a Monday).
describe.each(testDatabases())('check-in and attendance on %s', (kind) => {
  let t: TestApp;
  let staff: string;
  let recipient: string;
  let ids: Awaited<ReturnType<typeof dispatchCxStaff>>;
  const checkIn = (body: object) => t.request('POST', '/api/check-ins', { cookie: staff, body: { kind: 'in', ...body } });

  beforeAll(async () => {
    t = await createTestApp(kind);
    ids = await dispatchCxStaff(t, { start: '2026-11-02', end: '2026-12-31' });
    staff = await t.login('cx-staff');
    recipient = await t.login('cx-recipient');
  });
  afterAll(async () => { await t?.close(); });

  it('queues an offline check-in: it keeps the tap time, is marked as sent late, and starts the assignment', async () => {
    const res = await checkIn({ clientId: 'phone-0001-queued', at: '2026-11-20T08:05:00+08:00', lat: 25.5301, lng: 102.4002, accuracyM: 20 });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ date: '2026-11-20', fence: 'inside', sentLate: true, duplicate: false });
    const a = (await t.request('GET', `/api/assignments/${ids.assignmentId}`, { cookie: recipient })).json();
    expect(a).toMatchObject({ status: 'on_duty', actualStart: '2026-11-20' });
  });

  it('counts a retried check-in once', async () => {
    const body = { clientId: 'phone-0002-today', at: '2026-11-23T09:58:00+08:00', lat: 25.53, lng: 102.4 };
    const first = await checkIn(body);
    const retry = await checkIn(body);
    expect(first.statusCode).toBe(201);
    expect(retry.statusCode).toBe(200);
    expect(retry.json()).toMatchObject({ id: first.json().id, duplicate: true, sentLate: false });
    const rows = await t.database.db.execute(sql`select count(*)::int as n from check_ins where client_id = 'phone-0002-today'`);
    expect((rows as unknown as { rows: { n: number }[] }).rows[0]!.n).toBe(1);
    const today = (await t.request('GET', '/api/check-ins/today', { cookie: staff })).json();
    expect(today).toMatchObject({ date: '2026-11-23', workingDay: true, assignment: { recipientOrgName: '武定县人民医院' }, fence: { radiusM: 500 } });
    expect(today.checkIns).toHaveLength(1);
  });

  it('outside the geofence asks for a reason and records a field check-in', async () => {
    const body = { clientId: 'phone-0003-field', at: '2026-11-19T08:30:00+08:00', lat: 25.60, lng: 102.50 };
    const refused = await checkIn(body);
    expect(refused.statusCode).toBe(400);
    expect(refused.json().field).toBe('fieldReason');
    expect(refused.json().message).toMatch(/距「武定县人民医院」约 \d+ 米/);
    const ok = await checkIn({ ...body, fieldReason: '随医院下乡义诊' });
    expect(ok.json()).toMatchObject({ fence: 'outside', fieldReason: '随医院下乡义诊' });
  });

  it('refuses a check-in from the future, or on a day with no assignment', async () => {
    expect((await checkIn({ clientId: 'phone-0004-future', at: '2026-11-23T12:00:00+08:00' })).json().field).toBe('at');
    const none = await checkIn({ clientId: 'phone-0005-before', at: '2026-10-30T08:00:00+08:00' });
    expect(none.statusCode).toBe(409);
  });

  it('shows the month grid, lets the unit fill it, and confirms only a complete month', async () => {
    const grid = (await t.request('GET', '/api/attendance/months/2026-11', { cookie: recipient })).json();
    expect(grid.days).toHaveLength(30);
    const row = grid.rows[0];
    expect(row.cells['2026-11-20']).toMatchObject({ status: 'on_duty', source: 'check_in' });
    expect(row.cells['2026-11-19']).toMatchObject({ status: 'official_business' });
    expect(row.cells['2026-11-23']).toMatchObject({ status: 'on_duty' });
    expect(row.from).toBe('2026-11-19');
    expect(row.missing).toBe(0);
    // The unit marks the Friday before as absent and the weekend as rest; then confirms and locks.
    const saved = await t.request('PUT', '/api/attendance/months/2026-11/days', { cookie: recipient, body: { entries: [
      { assignmentId: ids.assignmentId, date: '2026-11-20', status: 'absent', note: '未到岗' },
      { assignmentId: ids.assignmentId, date: '2026-11-21', status: 'rest' },
    ] } });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json().rows[0].counts).toMatchObject({ absent: 1, rest: 1, on_duty: 1, official_business: 1 });
    const outside = await t.request('PUT', '/api/attendance/months/2026-11/days', { cookie: recipient, body: { entries: [{ assignmentId: ids.assignmentId, date: '2026-11-10', status: 'on_duty' }] } });
    expect(outside.statusCode).toBe(400);
    expect(outside.json().field).toBe('entries.0.date');
    expect((await t.request('PUT', '/api/attendance/months/2026-11/days', { cookie: await t.login('cx-support'), body: { entries: [{ assignmentId: ids.assignmentId, date: '2026-11-20', status: 'on_duty' }] } })).statusCode).toBe(403);
    const confirmed = await t.request('POST', '/api/attendance/months/2026-11/confirm', { cookie: recipient, body: {} });
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    expect(confirmed.json().confirmed.by).toBe('cx-recipient');
    const locked = await t.request('PUT', '/api/attendance/months/2026-11/days', { cookie: recipient, body: { entries: [{ assignmentId: ids.assignmentId, date: '2026-11-20', status: 'on_duty' }] } });
    expect(locked.statusCode).toBe(409);
    expect(locked.json().message).toContain('申诉');
  });

  it('corrects a locked day only through an appeal the unit decides, keeping the reason', async () => {
    const early = await t.request('POST', '/api/attendance/appeals', { cookie: staff, body: { assignmentId: ids.assignmentId, date: '2026-12-01', requestedStatus: 'on_duty', reason: 'x' } });
    expect(early.statusCode).toBe(409); // December is not locked: ask the unit to edit it
    const appeal = await t.request('POST', '/api/attendance/appeals', { cookie: staff, body: { assignmentId: ids.assignmentId, date: '2026-11-20', requestedStatus: 'on_duty', reason: '当天在门诊坐诊，有门诊日志为证' } });
    expect(appeal.statusCode, appeal.body).toBe(201);
    expect(appeal.json()).toMatchObject({ status: 'pending', currentStatus: 'absent' });
    const noReason = await t.request('POST', `/api/attendance/appeals/${appeal.json().id}/decision`, { cookie: recipient, body: { decision: 'reject' } });
    expect(noReason.json().field).toBe('comment');
    const approved = await t.request('POST', `/api/attendance/appeals/${appeal.json().id}/decision`, { cookie: recipient, body: { decision: 'approve', comment: '核实门诊日志属实' } });
    expect(approved.json()).toMatchObject({ status: 'approved', decidedBy: 'cx-recipient', currentStatus: 'on_duty' });
    const grid = (await t.request('GET', '/api/attendance/months/2026-11', { cookie: recipient })).json();
    expect(grid.rows[0].cells['2026-11-20']).toMatchObject({ status: 'on_duty', source: 'appeal' });
    expect((await t.request('POST', `/api/attendance/appeals/${appeal.json().id}/decision`, { cookie: recipient, body: { decision: 'approve' } })).statusCode).toBe(409);
  });

  it('shows the unit and the offices in scope the geofence set, or none', async () => {
    const res = await t.request('GET', `/api/organisations/${ids.recipientOrgId}/geofence`, { cookie: recipient });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ orgId: ids.recipientOrgId, orgName: '武定县人民医院', fence: { lat: 25.53, lng: 102.4, radiusM: 500 } });
    expect((await t.request('GET', `/api/organisations/${ids.recipientOrgId}/geofence`, { cookie: await t.login('cx-office') })).json().fence.radiusM).toBe(500);
    const office = await t.login('cx-office');
    const other = ((await t.request('GET', '/api/pairings', { cookie: office })).json().items as { recipient: { id: string; name: string } }[])
      .find((p) => p.recipient.name !== '武定县人民医院')!;
    expect((await t.request('GET', `/api/organisations/${other.recipient.id}/geofence`, { cookie: office })).json()).toMatchObject({ fence: null });
    expect((await t.request('GET', `/api/organisations/${ids.recipientOrgId}/geofence`, { cookie: await t.login('my-office') })).statusCode).toBe(404);
  });

  it('keeps attendance in scope', async () => {
    const my = await t.login('my-office');
    expect((await t.request('GET', `/api/attendance/months/2026-11?recipientOrgId=${ids.recipientOrgId}`, { cookie: my })).statusCode).toBe(404);
    expect((await t.request('GET', '/api/attendance/appeals', { cookie: my })).json().total).toBe(0);
    expect((await t.request('PUT', `/api/organisations/${ids.recipientOrgId}/geofence`, { cookie: my, body: { lat: 1, lng: 1, radiusM: 100 } })).statusCode).toBe(404);
    expect((await t.request('POST', '/api/check-ins', { cookie: await t.login('cx-support'), body: { clientId: 'unit-00000001', kind: 'in', at: '2026-11-23T09:00:00+08:00' } })).statusCode).toBe(403);
  });
});

// A check-in is one statement (DECISIONS 20): each of its effects is checked here on its own.
describe.each(testDatabases())('what one check-in writes on %s', (kind) => {
  let t: TestApp;
  let staff: string;
  let recipient: string;
  let ids: Awaited<ReturnType<typeof dispatchCxStaff>>;
  const checkIn = (body: object) => t.request('POST', '/api/check-ins', { cookie: staff, body: { kind: 'in', lat: 25.53, lng: 102.4, ...body } });
  const rows = async <T>(q: ReturnType<typeof sql>) => (await t.database.db.execute(q) as unknown as { rows: T[] }).rows;
  const assignment = async () => (await t.request('GET', `/api/assignments/${ids.assignmentId}`, { cookie: recipient })).json();
  const day = async (date: string) => (await rows<{ status: string; source: string }>(sql`select status, source from attendance_days where assignment_id = ${ids.assignmentId} and date = ${date}`))[0];
  const dutyAudit = () => rows<{ action: string; entity_id: string; summary: string }>(
    sql`select action, entity_id, summary from audit_events where entity_type = 'assignment' and summary like '签到开始驻点%' order by id`);

  beforeAll(async () => {
    t = await createTestApp(kind);
    ids = await dispatchCxStaff(t, { start: '2026-11-02', end: '2026-12-31' });
    staff = await t.login('cx-staff');
    recipient = await t.login('cx-recipient');
  });
  afterAll(async () => { await t?.close(); });

  it('a sign-out neither starts the assignment nor fills the day; a sign-in does both and is audited', async () => {
    const out = await checkIn({ clientId: 'write-0001-out', kind: 'out', at: '2026-11-23T09:55:00+08:00' });
    expect(out.statusCode, out.body).toBe(201);
    expect((await assignment()).status).toBe('planned');
    expect(await day('2026-11-23')).toBeUndefined();
    const signIn = await checkIn({ clientId: 'write-0002-in', at: '2026-11-23T09:58:00+08:00' });
    expect(signIn.statusCode, signIn.body).toBe(201);
    expect(await assignment()).toMatchObject({ status: 'on_duty', actualStart: '2026-11-23' });
    expect(await day('2026-11-23')).toEqual({ status: 'on_duty', source: 'check_in' });
    const audit = await rows<{ actor_username: string; action: string; entity_id: string; summary: string; region_path: string }>(
      sql`select actor_username, action, entity_id, summary, region_path from audit_events where entity_type = 'check_in' order by id`);
    expect(audit.map((a) => a.summary)).toEqual(['签退（2026-11-23）', '签到（2026-11-23）']);
    expect(audit[1]).toMatchObject({ actor_username: 'cx-staff', action: 'create', entity_id: signIn.json().id });
    expect(audit[1]!.region_path).toMatch(/^530000\//);
    // The status change has its own line (dashboards recount staffing on it); the sign-out made none.
    expect(await dutyAudit()).toEqual([{ action: 'update', entity_id: ids.assignmentId, summary: '签到开始驻点：派驻状态改为在岗（2026-11-23）' }]);
  });

  it('a queued earlier sign-in moves the start back but leaves a day the unit set', async () => {
    expect((await checkIn({ clientId: 'write-0003-queued', at: '2026-11-18T08:10:00+08:00' })).json()).toMatchObject({ date: '2026-11-18', sentLate: true });
    expect((await assignment()).actualStart).toBe('2026-11-18');
    expect((await dutyAudit()).map((a) => a.summary)).toEqual(['签到开始驻点：派驻状态改为在岗（2026-11-23）', '签到开始驻点：派驻状态改为在岗（2026-11-18）']);
    expect(await day('2026-11-18')).toEqual({ status: 'on_duty', source: 'check_in' });
    const set = await t.request('PUT', '/api/attendance/months/2026-11/days', { cookie: recipient, body: { entries: [{ assignmentId: ids.assignmentId, date: '2026-11-20', status: 'absent', note: '未到岗' }] } });
    expect(set.statusCode, set.body).toBe(200);
    expect((await checkIn({ clientId: 'write-0004-queued', at: '2026-11-20T08:10:00+08:00' })).statusCode).toBe(201);
    expect(await day('2026-11-20')).toEqual({ status: 'absent', source: 'unit' });
  });

  it('taps arriving at the same moment (written by one statement) are each recorded as if sent one by one', async () => {
    const auditsBefore = (await rows<{ n: number }>(sql`select cast(count(*) as integer) as n from audit_events where entity_type = 'check_in'`))[0]!.n;
    const [a, b, again, out] = await Promise.all([
      checkIn({ clientId: 'write-0010-same', at: '2026-11-17T08:00:00+08:00' }),
      checkIn({ clientId: 'write-0011-same', at: '2026-11-16T08:05:00+08:00', lat: 25.6, lng: 102.4, fieldReason: '下乡义诊' }),
      checkIn({ clientId: 'write-0010-same', at: '2026-11-17T08:00:00+08:00' }),
      checkIn({ clientId: 'write-0012-same', kind: 'out', at: '2026-11-17T18:00:00+08:00' }),
    ]);
    expect([a.statusCode, b.statusCode, out.statusCode], a.body + b.body + out.body).toEqual([201, 201, 201]);
    // The client id sent twice is recorded once; the resend answers that record.
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json().id).toBe(a.json().id);
    expect((await rows<{ n: number }>(sql`select cast(count(*) as integer) as n from audit_events where entity_type = 'check_in'`))[0]!.n).toBe(auditsBefore + 3);
    // Each day as its own tap leaves it; the start moves back to the earliest, once.
    expect(await day('2026-11-17')).toEqual({ status: 'on_duty', source: 'check_in' });
    expect(await day('2026-11-16')).toEqual({ status: 'official_business', source: 'check_in' });
    expect((await assignment()).actualStart).toBe('2026-11-16');
    expect((await dutyAudit()).at(-1)!.summary).toBe('签到开始驻点：派驻状态改为在岗（2026-11-16）');
  });

  it('refuses a NUL character in the field reason with a 400 naming the field, and writes nothing', async () => {
    const res = await checkIn({ clientId: 'write-0013-nul', at: '2026-11-13T08:00:00+08:00', lat: 25.6, lng: 102.4, fieldReason: '下乡\u0000义诊' });
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json()).toMatchObject({ code: 'VALIDATION_FAILED', field: 'fieldReason' });
    expect(await rows(sql`select 1 from check_ins where client_id = 'write-0013-nul'`)).toEqual([]);
  });

  it('a sign-in in a locked month is kept but does not change the month', async () => {
    await t.database.db.execute(sql`insert into attendance_months (recipient_org_id, month, confirmed_at, confirmed_by) values (${ids.recipientOrgId}, '2026-11', now(), 'cx-recipient')`);
    const res = await checkIn({ clientId: 'write-0005-locked', at: '2026-11-19T08:00:00+08:00' });
    expect(res.statusCode, res.body).toBe(201);
    expect(await day('2026-11-19')).toBeUndefined();
    expect((await assignment()).actualStart).toBe('2026-11-16');
  });
});
