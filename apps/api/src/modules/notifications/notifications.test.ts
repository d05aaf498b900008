import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { assignments, notificationDeliveries, notifications, users } from '@duikou/db';
import { isWorkingDay } from '@duikou/policy';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatchCxStaff } from '../../test/dispatch.fixture.js';
import { createTestApp, testDatabases, type TestApp } from '../../test/test-app.js';
import { loadCalendar } from '../calendar/calendar.service.js';
import { createWebhookChannel } from './outbound-channel.js';
import { reminderDepsOf, runReminders, type ReminderDeps } from './reminders.service.js';

interface Entry { kind: string; period: string; label: string; nominal: string; due: string; postponed: boolean; postponedBecause: string | null; programmeName: string; policyCode: string; citation: string }
interface Note { id: string; kind: string; title: string; link: string | null; readAt: string | null }

/** A local gateway answering with `status`; it keeps the bodies it received. */
async function startGateway(status: () => number): Promise<{ url: string; bodies: unknown[]; close(): Promise<void> }> {
  const bodies: unknown[] = [];
  const server: Server = createServer((req: IncomingMessage, res) => {
    let data = '';
    req.on('data', (c) => { data += c; });
    req.on('end', () => { bodies.push(JSON.parse(data)); res.statusCode = status(); res.end(status() === 200 ? 'ok' : 'gateway down'); });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/notify`, bodies, close: () => new Promise((r) => server.close(() => r())) };
}

// The test clock stands at 2026-11-23 10:00 in China (a Monday); 李医生 of 云南省第一人民医院 is posted to 武定县人民医院 under CX.
describe.each(testDatabases())('deadlines, notifications and reminders on %s', (kind) => {
  let t: TestApp;
  let ids: Awaited<ReturnType<typeof dispatchCxStaff>>;
  const idOf = async (username: string) => (await t.database.db.select({ id: users.id }).from(users).where(eq(users.username, username)))[0]!.id;
  const mine = async (username: string) => (await t.request('GET', '/api/notifications?pageSize=100', { cookie: await t.login(username) })).json() as { items: Note[]; total: number; unread: number };
  const deps = (over: Partial<ReminderDeps> = {}): ReminderDeps => ({ ...reminderDepsOf(t.app), channel: null, retryDelayMs: 0, ...over });

  beforeAll(async () => {
    t = await createTestApp(kind);
    ids = await dispatchCxStaff(t, { start: '2026-09-01', end: '2027-08-31' });
  });
  afterAll(async () => { await t?.close(); });

  it('lists the programme deadlines of the notices, moved past rest days and holidays onto working days', async () => {
    const office = await t.login('cx-office');
    const res = await t.request('GET', '/api/deadlines?from=2026-10-01&to=2026-12-31', { cookie: office });
    expect(res.statusCode, res.body).toBe(200);
    const items = res.json().items as Entry[];
    const calendar = await loadCalendar(t.database.db);
    expect(items.length).toBeGreaterThan(0);
    for (const d of items) {
      expect(isWorkingDay(calendar, d.due), `${d.label} ${d.due}`).toBe(true);
      expect(d.postponed).toBe(d.due !== d.nominal);
    }
    // 5 October 2026 is in the National Day holiday: the monthly and quarterly statistics move to the next working day.
    const october = items.filter((d) => d.nominal === '2026-10-05');
    expect(october.map((d) => d.kind).sort()).toEqual(['monthly', 'progress', 'quarterly']);
    for (const d of october) {
      expect(d.due > '2026-10-05').toBe(true);
      expect(d.postponedBecause).toContain('国庆');
      expect(d.citation).toContain('楚卫通〔2018〕43号');
    }
    // 5 December 2026 is a Saturday.
    expect(items.find((d) => d.kind === 'monthly' && d.period === '2026-11')).toMatchObject({ nominal: '2026-12-05', due: '2026-12-07', postponed: true, postponedBecause: '休息日', policyCode: 'CX' });
  });

  it('lists MY rule 7 and CX rule 14 one-off deadlines, each to the offices of its own programme only', async () => {
    const my = (await t.request('GET', '/api/deadlines?from=2018-05-01&to=2018-06-30', { cookie: await t.login('my-office') })).json().items as Entry[];
    expect(my.every((d) => d.policyCode === 'MY')).toBe(true);
    expect(my.map((d) => [d.period, d.nominal, d.due])).toEqual([
      ['county-work-plan', '2018-05-20', '2018-05-21'], ['registration-forms', '2018-05-20', '2018-05-21'],
      ['staff-on-post', '2018-05-23', '2018-05-23'], ['mentorship-statistics', '2018-05-28', '2018-05-28'],
    ]);
    const cx = (await t.request('GET', '/api/deadlines?from=2018-06-01&to=2018-06-30', { cookie: await t.login('cx-support') })).json().items as Entry[];
    expect(cx.every((d) => d.policyCode === 'CX')).toBe(true);
    expect(cx.find((d) => d.period === 'selection-form')).toMatchObject({ nominal: '2018-06-07', due: '2018-06-07', postponed: false });
  });

  it('refuses a bad range with the field, and names a year with no holiday calendar instead of guessing', async () => {
    const office = await t.login('cx-office');
    const bad = await t.request('GET', '/api/deadlines?from=2026-12-01&to=2026-11-01', { cookie: office });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ code: 'VALIDATION_FAILED', field: 'to' });
    const missing = (await t.request('GET', '/api/deadlines?from=2027-01-01&to=2027-01-31', { cookie: office })).json();
    expect(missing.items).toEqual([]);
    expect(missing.warnings.join()).toContain('2027 年的节假日日历尚未录入');
    expect((await t.request('GET', '/api/deadlines?from=2026-01-01&to=2026-01-31')).statusCode).toBe(401);
  });

  it('only the administrator runs the reminder job, and the run is audited', async () => {
    expect((await t.request('POST', '/api/notifications/run-reminders', { cookie: await t.login('cx-office') })).statusCode).toBe(403);
    const res = await t.request('POST', '/api/notifications/run-reminders', { cookie: await t.login('admin') });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ ran: true, asOf: '2026-11-23' });
    const audit = (await t.request('GET', '/api/audit-events?entityType=reminder_run', { cookie: await t.login('admin') })).json();
    expect(audit.items.length).toBeGreaterThan(0);
  });

  it('reminds each user once: due dates to the reporting unit, leave to its approver, roll calls to the person', async () => {
    // A 4-working-day leave waits for the recipient's director; a roll call waits for 李医生.
    const leave = await t.request('POST', '/api/leave-requests', { cookie: await t.login('cx-staff'), body: { kind: 'personal', reason: '家中有事', startDate: '2026-12-15', endDate: '2026-12-18' } });
    expect(leave.statusCode, leave.body).toBe(201);
    const call = await t.request('POST', '/api/spot-checks', { cookie: await t.login('cx-support'), body: { method: 'roll_call', date: '2026-11-23', rollCallMinutes: 60, sample: { kind: 'picked', assignmentIds: [ids.assignmentId] } } });
    expect(call.statusCode, call.body).toBe(201);

    // Two weeks ahead reaches the November statistics due on Monday 7 December (5 December is a Saturday).
    const first = await runReminders(deps({ leadDays: 14 }));
    expect(first.ran).toBe(true);
    const second = await runReminders(deps({ leadDays: 14 }));
    expect(second.created).toBe(0);

    const rows = await t.database.db.select({ userId: notifications.userId, key: notifications.dedupeKey }).from(notifications);
    expect(new Set(rows.map((r) => `${r.userId}|${r.key}`)).size).toBe(rows.length);

    const support = await mine('cx-support');
    expect(support.items.find((n) => n.kind === 'due_date' && n.title.includes('2026 年 11 月统计表'))).toMatchObject({ link: '/statutory-reports' });
    expect(support.items.find((n) => n.title.includes('11 月统计表'))!.title).toContain('原定 2026-12-05，节假日顺延');
    const recipient = await mine('cx-recipient');
    expect(recipient.items.filter((n) => n.kind === 'approval')).toHaveLength(1);
    expect(recipient.items.find((n) => n.kind === 'approval')!.title).toContain('李医生');
    const staff = await mine('cx-staff');
    expect(staff.items.filter((n) => n.kind === 'roll_call')).toHaveLength(1);
    expect(staff.items.find((n) => n.kind === 'roll_call')).toMatchObject({ link: '/check-in' });
    // The staff member is not told of leave approvals, nor the recipient of the roll call.
    expect(staff.items.some((n) => n.kind === 'approval')).toBe(false);
    expect(recipient.items.some((n) => n.kind === 'roll_call')).toBe(false);
  });

  it('a user sees, counts and marks only their own notifications', async () => {
    const staffCookie = await t.login('cx-staff');
    const recipientCookie = await t.login('cx-recipient');
    const theirs = (await mine('cx-recipient')).items[0]!;
    expect((await t.request('POST', `/api/notifications/${theirs.id}/read`, { cookie: staffCookie })).statusCode).toBe(404);
    expect((await mine('cx-staff')).items.some((n) => n.id === theirs.id)).toBe(false);

    const before = (await t.request('GET', '/api/notifications/unread-count', { cookie: recipientCookie })).json().unread as number;
    expect(before).toBeGreaterThan(0);
    const read = await t.request('POST', `/api/notifications/${theirs.id}/read`, { cookie: recipientCookie });
    expect(read.statusCode, read.body).toBe(200);
    expect(read.json().readAt).not.toBeNull();
    expect((await t.request('GET', '/api/notifications/unread-count', { cookie: recipientCookie })).json().unread).toBe(before - 1);
    // Unread first.
    const list = await mine('cx-recipient');
    expect(list.items.findIndex((n) => n.readAt !== null)).toBe(list.unread);

    const staffUnread = (await t.request('GET', '/api/notifications/unread-count', { cookie: staffCookie })).json().unread as number;
    const all = await t.request('POST', '/api/notifications/read-all', { cookie: recipientCookie });
    expect(all.json().updated).toBe(before - 1);
    expect((await t.request('GET', '/api/notifications/unread-count', { cookie: recipientCookie })).json().unread).toBe(0);
    // Someone else's read-all leaves this user's box alone.
    expect((await t.request('GET', '/api/notifications/unread-count', { cookie: staffCookie })).json().unread).toBe(staffUnread);
    expect((await t.request('GET', '/api/notifications/unread-count')).statusCode).toBe(401);
  });

  it('delivers new notifications through the webhook and records each delivery, sent or failed', async () => {
    let status = 200;
    const gateway = await startGateway(() => status);
    try {
      const channel = createWebhookChannel({ url: gateway.url, timeoutMs: 2000 });
      const leave = await t.request('POST', '/api/leave-requests', { cookie: await t.login('cx-staff'), body: { kind: 'personal', reason: '家中有事', startDate: '2026-12-21', endDate: '2026-12-24' } });
      expect(leave.statusCode, leave.body).toBe(201);
      const ok = await runReminders(deps({ channel }));
      expect(ok.created).toBeGreaterThan(0);
      expect(ok.deliveries).toEqual({ sent: ok.created, failed: 0 });
      expect(gateway.bodies[0]).toMatchObject({ type: 'duikou.notification', kind: 'approval', recipient: { username: 'cx-recipient' } });
      const sent = await t.database.db.select().from(notificationDeliveries).where(eq(notificationDeliveries.status, 'sent'));
      expect(sent.length).toBe(ok.created);
      expect(sent[0]).toMatchObject({ channel: 'webhook', attempts: 1, lastError: null });

      status = 500;
      const leave2 = await t.request('POST', '/api/leave-requests', { cookie: await t.login('cx-staff'), body: { kind: 'personal', reason: '体检', startDate: '2026-12-07', endDate: '2026-12-10' } });
      expect(leave2.statusCode, leave2.body).toBe(201);
      const bad = await runReminders(deps({ channel }));
      expect(bad.created).toBeGreaterThan(0);
      expect(bad.deliveries).toEqual({ sent: 0, failed: bad.created });
      const failed = await t.database.db.select().from(notificationDeliveries).where(eq(notificationDeliveries.status, 'failed'));
      expect(failed[0]).toMatchObject({ channel: 'webhook', attempts: 3 });
      expect(failed[0]!.lastError).toContain('HTTP 500');
      const ids = failed.map((f) => f.notificationId);
      expect((await t.database.db.select().from(notifications).where(and(inArray(notifications.id, ids), eq(notifications.kind, 'approval')))).length).toBe(ids.length);
    } finally {
      await gateway.close();
    }
  });

  // PGlite has one connection: a second transaction waits for the first instead of running beside it.
  it.skipIf(kind === 'pglite')('skips the run while another node holds the advisory lock', async () => {
    await t.database.db.transaction(async (tx) => {
      await tx.execute(sql`select pg_advisory_xact_lock(1685418863, 1)`);
      const other = await runReminders(deps());
      expect(other).toMatchObject({ ran: false, created: 0 });
    });
    expect((await runReminders(deps())).ran).toBe(true);
  });

  it('spot-check consequences due for a person on post reach the dispatching unit', async () => {
    const support = await t.login('cx-support');
    await t.database.db.update(assignments).set({ status: 'on_duty' }).where(eq(assignments.id, ids.assignmentId));
    for (const date of ['2026-11-18', '2026-11-19']) {
      const check = await t.request('POST', '/api/spot-checks', { cookie: support, body: { method: 'phone', date, sample: { kind: 'picked', assignmentIds: [ids.assignmentId] } } });
      expect(check.statusCode, check.body).toBe(201);
      const rec = await t.request('PUT', `/api/spot-checks/${check.json().id}/results/${ids.assignmentId}`, { cookie: support, body: { result: 'absent', reason: '电话未接通' } });
      expect(rec.statusCode, rec.body).toBe(200);
    }
    await runReminders(deps());
    const notes = (await mine('cx-support')).items.filter((n) => n.kind === 'consequence');
    expect(notes.map((n) => n.title)).toContain('抽查后果：李医生应另派人员接替');
    expect(notes.every((n) => n.link === '/spot-checks/consequences')).toBe(true);
    await runReminders(deps());
    expect((await mine('cx-support')).items.filter((n) => n.kind === 'consequence')).toHaveLength(notes.length);
  });

  it('the webhook channel fails on a timeout with a Chinese reason', async () => {
    const server = createServer(() => { /* never answers */ });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const { port } = server.address() as AddressInfo;
    try {
      const channel = createWebhookChannel({ url: `http://127.0.0.1:${port}/`, timeoutMs: 200 });
      await expect(channel.send({ notificationId: 'n', kind: 'due_date', title: 't', body: null, link: null, createdAt: '', recipient: { userId: 'u', username: 'u', displayName: 'u', role: 'admin', orgName: 'o' } }))
        .rejects.toThrow('200 毫秒内未响应');
    } finally {
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
    }
  });

  it('only the user the notification belongs to is reminded (ids)', async () => {
    const recipientId = await idOf('cx-recipient');
    const rows = await t.database.db.select().from(notifications).where(eq(notifications.kind, 'approval'));
    expect(rows.every((r) => r.userId === recipientId)).toBe(true);
  });
});
