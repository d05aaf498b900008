import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatchCxStaff, makeIdNumber } from './dispatch.fixture.js';
import { createTestApp, testDatabases, type TestApp } from './test-app.js';

/** Removing a record others refer to archives it (or refuses, for a pairing) instead of a foreign-key error. */
describe.each(testDatabases())('records referred to by later records on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => { t = await createTestApp(kind); await dispatchCxStaff(t, { start: '2026-11-02', end: '2027-04-30' }); });
  afterAll(async () => { await t?.close(); });

  it('archives an organisation that only a person refers to (as employer)', async () => {
    const office = await t.login('cx-office');
    const org = await t.request('POST', '/api/organisations', { cookie: office, body: { name: '楚雄市东瓜镇卫生院', kind: 'township_centre', regionCode: '532301' } });
    expect(org.statusCode, org.body).toBe(201);
    const person = await t.request('POST', '/api/persons', { cookie: office, body: {
      name: '王护士', gender: 'female', birthMonth: '1990-03', education: 'associate', workStartDate: '2011-07-01', titleLevel: 'junior',
      title: '护师', specialty: '护理', idNumber: makeIdNumber('532301', '1990-03-14', '028'), mobile: '13900001111', employerOrgId: org.json().id,
    } });
    expect(person.statusCode, person.body).toBe(201);
    const removed = await t.request('DELETE', `/api/organisations/${org.json().id}`, { cookie: office });
    expect(removed.statusCode, removed.body).toBe(200);
    expect(removed.json()).toEqual({ result: 'archived' });
  });

  it('refuses to delete a pairing with staff dispatched under it, saying why', async () => {
    const office = await t.login('cx-office');
    const pairing = ((await t.request('GET', '/api/pairings?pageSize=50', { cookie: office })).json().items as { id: string; recipient: { name: string } }[])
      .find((p) => p.recipient.name === '武定县人民医院')!;
    const res = await t.request('DELETE', `/api/pairings/${pairing.id}`, { cookie: office });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'CONFLICT' });
    expect(res.json().message).toContain('派驻');
    expect((await t.request('GET', `/api/pairings/${pairing.id}`, { cookie: office })).statusCode).toBe(200);
  });
});
