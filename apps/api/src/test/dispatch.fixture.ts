import { eq } from 'drizzle-orm';
import { users } from '@duikou/db';
import { expect } from 'vitest';
import type { TestApp } from './test-app.js';

/** A valid GB 11643 ID number; odd sequence digits are men, even women. */
export function makeIdNumber(region: string, birth: string, seq: string): string {
  const body = `${region}${birth.replaceAll('-', '')}${seq}`;
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...body].reduce((s, d, i) => s + Number(d) * weights[i]!, 0);
  return body + '10X98765432'[sum % 11]!;
}

/**
 * 云南省第一人民医院 registers 李医生 and sends her to 武定县人民医院 from `start` to `end`; the demo
 * account `cx-staff` becomes hers, and the recipient gets a 500 m geofence.
 */
export async function dispatchCxStaff(t: TestApp, opts: { start: string; end: string }) {
  const support = await t.login('cx-support');
  const me = (await t.request('GET', '/api/auth/me', { cookie: support })).json();
  const pairing = ((await t.request('GET', '/api/pairings', { cookie: support })).json().items as { id: string; recipient: { id: string; name: string } }[])
    .find((p) => p.recipient.name === '武定县人民医院')!;
  // The 2018 programme ran to 2020; the office extends it so that it covers today's test dates.
  const office = await t.login('cx-office');
  const programmeId = (await t.request('GET', `/api/pairings/${pairing.id}`, { cookie: office })).json().programmeId as string;
  expect((await t.request('PATCH', `/api/programmes/${programmeId}`, { cookie: office, body: { validTo: '2027-12-31' } })).statusCode).toBe(200);
  const renewed = await t.request('PATCH', `/api/pairings/${pairing.id}`, { cookie: office, body: { validTo: '2027-12-31' } });
  expect(renewed.statusCode, renewed.body).toBe(200);
  const person = await t.request('POST', '/api/persons', { cookie: support, body: {
    name: '李医生', gender: 'female', birthMonth: '1986-05', education: 'master', workStartDate: '2012-07-01', titleLevel: 'intermediate',
    title: '主治医师', specialty: '儿科', idNumber: makeIdNumber('530102', '1986-05-20', '024'), mobile: '13988887777', employerOrgId: me.org.id,
  } });
  expect(person.statusCode, person.body).toBe(201);
  const assignment = await t.request('POST', '/api/assignments', { cookie: support, body: {
    pairingId: pairing.id, personId: person.json().id, mode: 'resident', department: '儿科', plannedStart: opts.start, plannedEnd: opts.end,
  } });
  expect(assignment.statusCode, assignment.body).toBe(201);
  await t.database.db.update(users).set({ personId: person.json().id }).where(eq(users.username, 'cx-staff'));
  const fence = await t.request('PUT', `/api/organisations/${pairing.recipient.id}/geofence`, { cookie: await t.login('cx-recipient'), body: { lat: 25.53, lng: 102.4, radiusM: 500 } });
  expect(fence.statusCode, fence.body).toBe(200);
  return { assignmentId: assignment.json().id as string, personId: person.json().id as string, recipientOrgId: pairing.recipient.id, pairingId: pairing.id };
}

/**
 * 云南省第一人民医院 registers more internists (men, 副主任医师) and sends them under the same pairing as
 * 李医生, each for its term. `seq` numbers their ID numbers and phones apart from other tests'. Returns
 * the assignment id of each, by key.
 */
export async function dispatchCxDoctors<K extends string>(t: TestApp, pairingId: string, seq: number, doctors: readonly (readonly [K, string, string, string])[]): Promise<Record<K, string>> {
  const support = await t.login('cx-support');
  const employer = (await t.request('GET', '/api/auth/me', { cookie: support })).json().org.id;
  const ids = {} as Record<K, string>;
  for (const [key, name, start, end] of doctors) {
    seq += 2;
    const person = await t.request('POST', '/api/persons', { cookie: support, body: {
      name, gender: 'male', birthMonth: '1984-03', education: 'master', workStartDate: '2010-07-01', titleLevel: 'associate_senior', title: '副主任医师',
      specialty: '内科', idNumber: makeIdNumber('530102', '1984-03-12', String(seq).padStart(3, '0')), mobile: `13900000${String(seq).padStart(3, '0')}`, employerOrgId: employer,
    } });
    expect(person.statusCode, person.body).toBe(201);
    const res = await t.request('POST', '/api/assignments', { cookie: support, body: {
      pairingId, personId: person.json().id, mode: 'resident', department: '内科', plannedStart: start, plannedEnd: end,
    } });
    expect(res.statusCode, res.body).toBe(201);
    ids[key] = res.json().id;
  }
  return ids;
}
