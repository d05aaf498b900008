import { eq } from 'drizzle-orm';
import { users } from '@duikou/db';
import { expect } from 'vitest';
import { makeIdNumber } from './dispatch.fixture.js';
import type { TestApp } from './test-app.js';

/**
 * 绵阳市中心医院 registers 张医生 (主治医师, intermediate) and sends him to 平武县人民医院 in 分段驻 mode (MY)
 * from `start` to `end`; the MY programme and the pairing are extended to 2027 by the office, and the
 * demo account `my-staff` becomes his.
 */
export async function dispatchMyStaff(t: TestApp, opts: { start: string; end: string; mode?: 'segmented_stays' | 'interval_visits'; name?: string; seq?: string }) {
  const support = await t.login('my-support');
  const me = (await t.request('GET', '/api/auth/me', { cookie: support })).json();
  const pairing = ((await t.request('GET', '/api/pairings?pageSize=200', { cookie: support })).json().items as { id: string; recipient: { id: string; name: string } }[])
    .find((p) => p.recipient.name === '平武县人民医院')!;
  const office = await t.login('my-office');
  const { programmeId, needs } = (await t.request('GET', `/api/pairings/${pairing.id}`, { cookie: office })).json() as { programmeId: string; needs: string[] };
  expect((await t.request('PATCH', `/api/programmes/${programmeId}`, { cookie: office, body: { validTo: '2027-12-31' } })).statusCode).toBe(200);
  // `needs` is sent again: a PATCH without it currently resets it to [] (the update schema keeps the create default).
  expect((await t.request('PATCH', `/api/pairings/${pairing.id}`, { cookie: office, body: { validTo: '2027-12-31', needs } })).statusCode).toBe(200);
  const senior = opts.mode === 'interval_visits';
  const person = await t.request('POST', '/api/persons', { cookie: support, body: {
    name: opts.name ?? '张医生', gender: 'male', birthMonth: '1982-04', education: 'bachelor', workStartDate: '2005-07-01',
    titleLevel: senior ? 'associate_senior' : 'intermediate', title: senior ? '副主任医师' : '主治医师', specialty: '急诊科',
    idNumber: makeIdNumber('510703', '1982-04-12', opts.seq ?? '031'), mobile: '13812340000', employerOrgId: me.org.id,
  } });
  expect(person.statusCode, person.body).toBe(201);
  const assignment = await t.request('POST', '/api/assignments', { cookie: support, body: {
    pairingId: pairing.id, personId: person.json().id, mode: opts.mode ?? 'segmented_stays', department: '急诊科', plannedStart: opts.start, plannedEnd: opts.end,
  } });
  expect(assignment.statusCode, assignment.body).toBe(201);
  if (!opts.name) await t.database.db.update(users).set({ personId: person.json().id }).where(eq(users.username, 'my-staff'));
  return { assignmentId: assignment.json().id as string, personId: person.json().id as string, recipientOrgId: pairing.recipient.id, pairingId: pairing.id, supportOrgId: me.org.id as string };
}
