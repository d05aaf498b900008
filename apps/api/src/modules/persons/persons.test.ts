import { eq, sql } from 'drizzle-orm';
import { sanctions, users } from '@duikou/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, testDatabases, type TestApp } from '../../test/test-app.js';

const ZHANG = {
  name: '张医生', gender: 'male', birthMonth: '1985-06', ethnicity: '汉族', party: '中共党员', education: 'bachelor', degree: '学士',
  workStartDate: '2008-07-01', school: '四川大学华西医学院', graduationDate: '2008-06-30', post: '主治医师', title: '主治医师', titleLevel: 'intermediate',
  specialty: '急诊科', idNumber: '510727198506150036', mobile: '13812345678', officePhone: '0816-2222333', recommendedForLeadership: false,
};

describe.each(testDatabases())('people on %s', (kind) => {
  let t: TestApp;
  let support: string;
  let employer: string;
  let personId: string;
  beforeAll(async () => {
    t = await createTestApp(kind);
    support = await t.login('my-support');
    employer = (await t.request('GET', '/api/auth/me', { cookie: support })).json().org.id;
  });
  afterAll(async () => { await t?.close(); });

  it('registers a person with every attachment-2 field and masks ID number and phones', async () => {
    const res = await t.request('POST', '/api/persons', { cookie: support, body: { ...ZHANG, employerOrgId: employer } });
    expect(res.statusCode).toBe(201);
    const p = res.json();
    personId = p.id;
    expect(p).toMatchObject({ name: '张医生', employerOrgName: '绵阳市中心医院', idNumberMasked: '510***********0036', mobileMasked: '138****5678', titleLevel: 'intermediate' });
    expect(JSON.stringify(p)).not.toContain('510727198506150036');
    expect(JSON.stringify(p)).not.toContain('13812345678');
    const list = (await t.request('GET', '/api/persons', { cookie: support })).body;
    expect(list).toContain('510***********0036');
    expect(list).not.toContain('13812345678');
  });

  it('keeps no plaintext ID number or phone in the database', async () => {
    const res = await t.database.db.execute(sql`select * from persons`);
    const raw = JSON.stringify((res as unknown as { rows: unknown[] }).rows);
    expect(raw).toContain('v1:');
    expect(raw).not.toContain('510727198506150036');
    expect(raw).not.toContain('13812345678');
    expect(raw).not.toContain('2222333');
  });

  it('reveals the full values only with the permission, and audits every look', async () => {
    const reveal = await t.request('POST', `/api/persons/${personId}/reveal`, { cookie: support });
    expect(reveal.json()).toEqual({ idNumber: '510727198506150036', mobile: '13812345678', officePhone: '0816-2222333' });
    const audit = (await t.request('GET', `/api/audit-events?entityType=person&entityId=${personId}&action=reveal`, { cookie: await t.login('admin') })).json().items;
    expect(audit).toHaveLength(1);
    expect(audit[0].actorUsername).toBe('my-support');
    const recipient = await t.login('my-recipient');
    expect((await t.request('POST', `/api/persons/${personId}/reveal`, { cookie: recipient })).statusCode).toBe(403);
  });

  it.each([
    [{ idNumber: '510727198506150037' }, 'idNumber', '校验位'],
    [{ idNumber: '51072719850615003' }, 'idNumber', '18 位'],
    [{ birthMonth: '1986-06' }, 'birthMonth', '身份证'],
    [{ gender: 'male' }, 'gender', '身份证'],
    [{ mobile: '12812345678' }, 'mobile', '手机号'],
    [{ education: 'phd' }, 'education', '学历'],
  ])('refuses %o naming the field', async (change, field, words) => {
    const res = await t.request('POST', '/api/persons', { cookie: support, body: { ...ZHANG, idNumber: '53232919800301002X', gender: 'female', birthMonth: '1980-03', employerOrgId: employer, ...change } });
    expect(res.statusCode).toBe(400);
    expect(res.json().field).toBe(field);
    expect(res.json().message).toContain(words);
  });

  it('finds a second registration of the same ID number through the blind index', async () => {
    const dup = await t.request('POST', '/api/persons', { cookie: support, body: { ...ZHANG, name: '张某', employerOrgId: employer } });
    expect(dup.statusCode).toBe(409);
    expect(dup.json()).toMatchObject({ code: 'DUPLICATE', field: 'idNumber' });
  });

  it('re-checks ID consistency on a partial change', async () => {
    const res = await t.request('PATCH', `/api/persons/${personId}`, { cookie: support, body: { birthMonth: '1990-01' } });
    expect(res.statusCode).toBe(400);
    expect(res.json().field).toBe('birthMonth');
    const ok = await t.request('PATCH', `/api/persons/${personId}`, { cookie: support, body: { mobile: '13900001111', title: '副主任医师', titleLevel: 'associate_senior' } });
    expect(ok.json()).toMatchObject({ mobileMasked: '139****1111', titleLevel: 'associate_senior' });
  });

  it('a unit sees and registers only its own staff; offices see their area', async () => {
    const other = await t.login('cx-support');
    expect((await t.request('GET', '/api/persons', { cookie: other })).json().total).toBe(0);
    expect((await t.request('GET', `/api/persons/${personId}`, { cookie: other })).statusCode).toBe(404);
    const otherOrg = (await t.request('GET', '/api/auth/me', { cookie: other })).json().org.id;
    const intoOther = await t.request('POST', '/api/persons', { cookie: support, body: { ...ZHANG, idNumber: '53232919800301002X', gender: 'female', birthMonth: '1980-03', employerOrgId: otherOrg } });
    expect(intoOther.statusCode).toBe(403);
    expect(intoOther.json().field).toBe('employerOrgId');
    expect((await t.request('GET', '/api/persons', { cookie: await t.login('my-office') })).json().total).toBe(1);
    expect((await t.request('GET', '/api/persons', { cookie: await t.login('cx-office') })).json().total).toBe(0);
  });

  it('archives instead of deleting a person a login account or a sanction refers to', async () => {
    const create = async (idNumber: string, name: string) => {
      const res = await t.request('POST', '/api/persons', { cookie: support, body: { ...ZHANG, name, idNumber, employerOrgId: employer } });
      expect(res.statusCode, res.body).toBe(201);
      return res.json().id as string;
    };
    // No assignment: only the staff account (users.person_id) refers to the first, only a 通报 to the second.
    const linked = await create('510727198506150052', '王医生');
    const [before] = await t.database.db.select({ personId: users.personId }).from(users).where(eq(users.username, 'my-staff'));
    await t.database.db.update(users).set({ personId: linked }).where(eq(users.username, 'my-staff'));
    const named = await create('510727198506150079', '赵医生');
    await t.database.db.insert(sanctions).values({ kind: 'notice', date: '2026-11-01', byOrgId: employer, personIds: [named], summary: '通报', createdBy: 'my-office' });
    for (const id of [linked, named]) {
      const res = await t.request('DELETE', `/api/persons/${id}`, { cookie: support });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toEqual({ result: 'archived' });
      expect((await t.request('GET', `/api/persons/${id}`, { cookie: support })).json().archived).toBe(true);
    }
    await t.database.db.update(users).set({ personId: before?.personId ?? null }).where(eq(users.username, 'my-staff'));
  });
});
