import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, testDatabases, TEST_PASSWORD, type TestApp } from '../../test/test-app.js';

describe.each(testDatabases())('auth on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => { t = await createTestApp(kind); });
  afterAll(async () => { await t?.close(); });

  it('logs in with an HTTP-only session cookie, answers /me, and logs out', async () => {
    const res = await t.request('POST', '/api/auth/login', { body: { username: 'cx-office', password: TEST_PASSWORD } });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ username: 'cx-office', role: 'prefecture_office', org: { name: '楚雄彝族自治州卫生健康委员会', regionCode: '532300' } });
    const sid = res.cookies.find((c) => c.name === 'duikou_sid')!;
    expect(sid.httpOnly).toBe(true);
    expect(sid.sameSite).toBe('Lax');
    const cookie = `duikou_sid=${sid.value}`;
    const me = await t.request('GET', '/api/auth/me', { cookie });
    expect(me.json().permissions).toContain('pairing:write');
    expect((await t.request('POST', '/api/auth/logout', { cookie })).statusCode).toBe(200);
    const after = await t.request('GET', '/api/auth/me', { cookie });
    expect(after.statusCode).toBe(401);
    expect(after.json().code).toBe('UNAUTHENTICATED');
  });

  it('answers a wrong password and an unknown user alike', async () => {
    const wrong = await t.request('POST', '/api/auth/login', { body: { username: 'my-office', password: 'nope-nope-1' } });
    const unknown = await t.request('POST', '/api/auth/login', { body: { username: 'nobody', password: 'nope-nope-1' } });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json()).toEqual(unknown.json());
    expect(wrong.json()).toEqual({ code: 'INVALID_CREDENTIALS', message: '用户名或密码错误' });
    // A later good login resets the failure count.
    expect((await t.request('POST', '/api/auth/login', { body: { username: 'my-office', password: TEST_PASSWORD } })).statusCode).toBe(200);
  });

  it('locks an account for 15 minutes after 5 failed logins, even against the right password', async () => {
    for (let i = 0; i < 5; i++) {
      expect((await t.request('POST', '/api/auth/login', { body: { username: 'cx-staff', password: `wrong-${i}-x` } })).statusCode).toBe(401);
    }
    const locked = await t.request('POST', '/api/auth/login', { body: { username: 'cx-staff', password: TEST_PASSWORD } });
    expect(locked.statusCode).toBe(403);
    expect(locked.json().code).toBe('ACCOUNT_LOCKED');
    expect(locked.json().message).toContain('锁定');
    t.clock.advance(14 * 60_000);
    expect((await t.request('POST', '/api/auth/login', { body: { username: 'cx-staff', password: TEST_PASSWORD } })).statusCode).toBe(403);
    t.clock.advance(61_000);
    expect((await t.request('POST', '/api/auth/login', { body: { username: 'cx-staff', password: TEST_PASSWORD } })).statusCode).toBe(200);
    const audit = await t.request('GET', '/api/audit-events?action=account_locked', { cookie: await t.login('auditor') });
    expect(audit.json().items.some((e: { summary: string }) => e.summary.startsWith('锁定至'))).toBe(true);
  });

  it('resolves sessions read at the same moment each to its own user, and records when each was last used', async () => {
    const names = ['cx-county', 'cx-office', 'cx-recipient', 'cx-support', 'yn-province', 'auditor'];
    const cookies = await Promise.all(names.map(async (username) => {
      const res = await t.request('POST', '/api/auth/login', { body: { username, password: TEST_PASSWORD } });
      return `duikou_sid=${res.cookies.find((c) => c.name === 'duikou_sid')!.value}`;
    }));
    // Read together (one statement for all): each answer is its own session's user.
    const mes = await Promise.all(cookies.map((cookie) => t.request('GET', '/api/auth/me', { cookie })));
    expect(mes.map((r) => r.json().username)).toEqual(names);
    // Two minutes on, the next requests record the sessions' activity together, each its own.
    t.clock.advance(2 * 60_000);
    await Promise.all([...cookies, ...cookies].map((cookie) => t.request('GET', '/api/auth/me', { cookie })));
    const seen = (await t.database.db.execute(sql`select u.username, s.last_seen_at as at from sessions s join users u on u.id = s.user_id
      where u.username in ${sql.raw(`(${names.map((n) => `'${n}'`).join(', ')})`)} order by s.last_seen_at desc`) as unknown as { rows: { username: string; at: Date | string }[] }).rows;
    const latest = new Map<string, number>();
    for (const r of seen) latest.set(r.username, Math.max(latest.get(r.username) ?? 0, new Date(r.at).getTime()));
    expect(names.map((n) => latest.get(n))).toEqual(names.map(() => t.clock.now().getTime()));
  });

  it('ends a session after 30 idle minutes but keeps an active one', async () => {
    const res = await t.request('POST', '/api/auth/login', { body: { username: 'cx-county', password: TEST_PASSWORD } });
    const cookie = `duikou_sid=${res.cookies.find((c) => c.name === 'duikou_sid')!.value}`;
    t.clock.advance(29 * 60_000);
    expect((await t.request('GET', '/api/auth/me', { cookie })).statusCode).toBe(200);
    t.clock.advance(29 * 60_000); // 58 minutes since login, 29 since the last request
    expect((await t.request('GET', '/api/auth/me', { cookie })).statusCode).toBe(200);
    t.clock.advance(31 * 60_000);
    const expired = await t.request('GET', '/api/auth/me', { cookie });
    expect(expired.statusCode).toBe(401);
    expect(expired.json().code).toBe('SESSION_EXPIRED');
    expect((await t.request('GET', '/api/auth/me', { cookie })).json().code).toBe('UNAUTHENTICATED');
  });

  it('changes a password: checks the current one and the strength of the new, ends other sessions', async () => {
    const other = await t.login('my-recipient');
    const res = await t.request('POST', '/api/auth/login', { body: { username: 'my-recipient', password: TEST_PASSWORD } });
    const cookie = `duikou_sid=${res.cookies.find((c) => c.name === 'duikou_sid')!.value}`;
    const wrongCurrent = await t.request('POST', '/api/auth/password', { cookie, body: { currentPassword: 'not-it-123', newPassword: 'NewPassword2026' } });
    expect(wrongCurrent.statusCode).toBe(400);
    expect(wrongCurrent.json()).toMatchObject({ code: 'VALIDATION_FAILED', field: 'currentPassword' });
    const weak = await t.request('POST', '/api/auth/password', { cookie, body: { currentPassword: TEST_PASSWORD, newPassword: 'short' } });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().field).toBe('newPassword');
    expect(weak.json().message).toContain('新密码');
    const ok = await t.request('POST', '/api/auth/password', { cookie, body: { currentPassword: TEST_PASSWORD, newPassword: 'NewPassword2026' } });
    expect(ok.statusCode).toBe(200);
    expect((await t.request('GET', '/api/auth/me', { cookie })).statusCode).toBe(200);
    expect((await t.request('GET', '/api/auth/me', { cookie: other })).statusCode).toBe(401);
    expect((await t.request('POST', '/api/auth/login', { body: { username: 'my-recipient', password: TEST_PASSWORD } })).statusCode).toBe(401);
    expect((await t.request('POST', '/api/auth/login', { body: { username: 'my-recipient', password: 'NewPassword2026' } })).statusCode).toBe(200);
  });

  it('refuses every data endpoint without a session', async () => {
    for (const url of ['/api/regions', '/api/organisations', '/api/programmes', '/api/pairings', '/api/audit-events', '/api/home/summary']) {
      const res = await t.request('GET', url);
      expect(res.statusCode, url).toBe(401);
      expect(res.json().code, url).toBe('UNAUTHENTICATED');
    }
  });

  it('stores argon2id hashes, never the password', async () => {
    const { users } = await import('@duikou/db');
    const rows = await t.database.db.select({ h: users.passwordHash }).from(users);
    expect(rows.length).toBeGreaterThan(10);
    for (const r of rows) {
      expect(r.h.startsWith('$argon2id$')).toBe(true);
      expect(r.h).not.toContain(TEST_PASSWORD);
    }
  });
});
