import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatchMyStaff } from '../../test/results.fixture.js';
import { createTestApp, testDatabases, type TestApp } from '../../test/test-app.js';

const PDF = Buffer.from('%PDF-1.4 指导记录截图').toString('base64');
/** The working days of July 2026 (no holiday in it). */
const july = Array.from({ length: 31 }, (_, i) => `2026-07-${String(i + 1).padStart(2, '0')}`).filter((d) => ![0, 6].includes(new Date(`${d}T00:00:00Z`).getUTCDay()));

// The test clock stands at 2026-11-23. 张医生 (分段驻, MY) is at 平武县人民医院 from 2026-06-01 to 2026-12-31, on site for all of July.
describe.each(testDatabases())('teaching and guidance records on %s', (kind) => {
  let t: TestApp;
  let my: Awaited<ReturnType<typeof dispatchMyStaff>>;
  let staff: string;
  let first: { id: string; attachments: { id: string }[] };
  const record = (body: object, cookie = staff) => t.request('POST', '/api/activities', { cookie, body: { kind: 'remote_guidance', channel: 'wechat', participants: ['赵一', '钱二'], content: '微信点评急诊病例 3 份，纠正抗生素使用', ...body } });
  const guidance = async () => {
    const res = await t.request('GET', `/api/activities/off-site-guidance?assignmentId=${my.assignmentId}`, { cookie: await t.login('my-office') });
    expect(res.statusCode, res.body).toBe(200);
    return res.json().items[0] as { months: { month: string; status: string; offSiteWorkingDays: number; guidanceRecords: number }[]; verdict: { status: string; explanation: string; ruleId: string } };
  };

  beforeAll(async () => {
    t = await createTestApp(kind);
    my = await dispatchMyStaff(t, { start: '2026-06-01', end: '2026-12-31' });
    staff = await t.login('my-staff');
    const days = await t.request('PUT', '/api/attendance/months/2026-07/days', { cookie: await t.login('my-recipient'), body: { entries: july.map((date) => ({ assignmentId: my.assignmentId, date, status: 'on_duty' })) } });
    expect(days.statusCode, days.body).toBe(200);
  });
  afterAll(async () => { await t?.close(); });

  it('the person records remote guidance from the phone, with its evidence attached', async () => {
    const res = await record({ date: '2026-06-15', attachments: [{ name: '微信点评截图.pdf', type: 'application/pdf', base64: PDF }] });
    expect(res.statusCode, res.body).toBe(201);
    first = res.json();
    expect(res.json()).toMatchObject({ kind: 'remote_guidance', setting: 'off_site', channel: 'wechat', participantCount: 2, recordedBy: 'my-staff', canEdit: true, assignment: { personName: '张医生' } });
    const file = await t.request('GET', `/api/activity-attachments/${first.attachments[0]!.id}`, { cookie: await t.login('my-support') });
    expect(file.headers['content-type']).toBe('application/pdf');
    expect(file.rawPayload.toString()).toContain('%PDF-1.4');
  });

  it('refuses what cannot be: a file that is not what it says, dates outside the term, a channel for on-site teaching', async () => {
    const fake = await record({ date: '2026-06-16', attachments: [{ name: 'x.png', type: 'image/png', base64: PDF }] });
    expect(fake.statusCode).toBe(400);
    expect(fake.json().field).toBe('attachments.0.type');
    expect((await record({ date: '2026-05-30' })).json().field).toBe('date');
    expect((await record({ date: '2026-11-30' })).json().field).toBe('date');
    const onSite = await record({ kind: 'teaching_rounds', date: '2026-07-08' });
    expect(onSite.statusCode).toBe(400);
    expect(onSite.json().field).toBe('channel');
    expect((await record({ channel: undefined, date: '2026-06-16' })).json().field).toBe('channel');
    // A unit's account is no dispatched person: it names the assignment.
    const unnamed = await record({ date: '2026-06-16' }, await t.login('my-recipient'));
    expect(unnamed.statusCode).toBe(400);
    expect(unnamed.json()).toMatchObject({ field: 'assignmentId', message: '请选择派驻记录' });
  });

  it('checks each month with working days off site for a guidance record', async () => {
    const rounds = await record({ assignmentId: my.assignmentId, kind: 'teaching_rounds', channel: undefined, date: '2026-07-08', participantCount: 12, participants: ['赵一'] }, await t.login('my-recipient'));
    expect(rounds.statusCode, rounds.body).toBe(201);
    await record({ date: '2026-08-10' });
    await record({ date: '2026-09-20', channel: 'video' });
    const g = await guidance();
    expect(g.months.map((m) => [m.month, m.guidanceRecords, m.status])).toEqual([
      ['2026-06', 1, 'ok'], ['2026-08', 1, 'ok'], ['2026-09', 1, 'ok'], ['2026-10', 0, 'missing'], ['2026-11', 0, 'pending'],
    ]);
    expect(g.months[0]!.offSiteWorkingDays).toBe(21); // June 2026: 22 working days less the Dragon Boat Festival
    expect(g.verdict).toMatchObject({ ruleId: 'off-site.guidance', status: 'unmet' });
    expect(g.verdict.explanation).toContain('2026-10 不驻点期间没有远程指导记录');
    await record({ date: '2026-10-12' });
    expect((await guidance()).verdict.status).toBe('at_risk');
    await record({ date: '2026-11-20', channel: 'phone' });
    expect((await guidance()).verdict.status).toBe('met');
    const unmet = await t.request('GET', '/api/activities/off-site-guidance?status=unmet', { cookie: await t.login('my-office') });
    expect(unmet.json().total).toBe(0);
  });

  it('lists by setting and kind; the units edit, other staff do not', async () => {
    const off = (await t.request('GET', '/api/activities?setting=off_site&pageSize=50', { cookie: await t.login('my-support') })).json();
    expect(off.total).toBe(5);
    const rounds = (await t.request('GET', '/api/activities?kind=teaching_rounds', { cookie: staff })).json();
    expect(rounds.items[0]).toMatchObject({ participantCount: 12, participants: ['赵一'], recordedBy: 'my-recipient', canEdit: true });
    const edited = await t.request('PATCH', `/api/activities/${first.id}`, { cookie: await t.login('my-support'), body: { content: '补充：另点评护理记录 2 份' } });
    expect(edited.json().content).toBe('补充：另点评护理记录 2 份');
    expect((await t.request('PATCH', `/api/activities/${first.id}`, { cookie: staff, body: { participantCount: 1 } })).json().field).toBe('participantCount');
  });

  it('keeps other regions out', async () => {
    const cx = await t.login('cx-office');
    expect((await t.request('GET', '/api/activities', { cookie: cx })).json().total).toBe(0);
    expect((await t.request('GET', `/api/activities/${first.id}`, { cookie: cx })).statusCode).toBe(404);
    expect((await t.request('GET', `/api/activity-attachments/${first.attachments[0]!.id}`, { cookie: cx })).statusCode).toBe(404);
    expect((await t.request('DELETE', `/api/activities/${first.id}`, { cookie: await t.login('cx-support') })).statusCode).toBe(404);
    expect((await t.request('GET', '/api/activities/off-site-guidance', { cookie: cx })).json().total).toBe(0);
    expect((await t.request('DELETE', `/api/activities/${first.id}`, { cookie: staff })).json()).toEqual({ result: 'deleted' });
    const audit = (await t.request('GET', '/api/audit-events?entityType=activity', { cookie: await t.login('admin') })).json();
    expect(audit.total).toBe(8); // 6 recorded, 1 edited, 1 deleted
  });
});
