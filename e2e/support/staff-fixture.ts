import { expect } from 'vitest';
import { DEMO_PASSWORD } from './server.js';

export interface Assignment { id: string; pairingId: string; personId: string; personName: string; recipientOrgId: string; recipientOrgName: string; plannedStart: string }
export type Api = <T = unknown>(method: string, path: string, body?: unknown) => Promise<{ status: number; json: T }>;

/** Signs in through the API (outside the browser, so cutting the browser's network does not touch it). */
export async function apiAs(baseUrl: string, username: string): Promise<Api> {
  const res = await fetch(`${baseUrl}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: DEMO_PASSWORD }) });
  expect(res.status, `${username} login`).toBe(200);
  const cookie = res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  return async <T,>(method: string, path: string, body?: unknown) => {
    const r = await fetch(`${baseUrl}${path}`, { method, headers: { cookie, ...(body === undefined ? {} : { 'content-type': 'application/json' }) }, body: body === undefined ? undefined : JSON.stringify(body) });
    const text = await r.text();
    return { status: r.status, json: (text ? JSON.parse(text) : undefined) as T };
  };
}

export const addDays = (date: string, n: number) => new Date(Date.parse(`${date}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
/** The Monday on or after a date. */
export const mondayFrom = (date: string) => addDays(date, (8 - new Date(`${date}T00:00:00Z`).getUTCDay()) % 7);

/**
 * Gives cx-staff's demo person a current assignment, as the office would: the CX programme and the
 * pairing are extended past today, the person is dispatched from three weeks ago for half a year, and
 * (when given) the recipient gets a geofence. The demo links cx-staff to one person of its hospital;
 * staff see only their own leave, so the assignment the leave preview calls "ended" is theirs.
 */
export async function dispatchCxStaff(baseUrl: string, today: string, fence?: { lat: number; lng: number; radiusM: number }): Promise<Assignment> {
  const staff = await apiAs(baseUrl, 'cx-staff');
  const office = await apiAs(baseUrl, 'cx-office');
  const theirs = (await staff<{ items: Assignment[] }>('GET', '/api/assignments?pageSize=100')).json.items;
  let own: Assignment | undefined;
  for (const a of theirs) {
    const probe = await staff('POST', '/api/leave-requests/preview', { assignmentId: a.id, startDate: a.plannedStart, endDate: a.plannedStart, kind: 'personal' });
    if (probe.status === 409) own = a;
  }
  expect(own, 'the person linked to cx-staff').toBeDefined();
  const pairing = (await office<{ programmeId: string }>('GET', `/api/pairings/${own!.pairingId}`)).json;
  expect((await office('PATCH', `/api/programmes/${pairing.programmeId}`, { validTo: '2027-12-31' })).status).toBe(200);
  expect((await office('PATCH', `/api/pairings/${own!.pairingId}`, { validTo: '2027-12-31' })).status).toBe(200);
  const created = await office<Assignment>('POST', '/api/assignments', {
    pairingId: own!.pairingId, personId: own!.personId, mode: 'resident', department: '儿科', plannedStart: addDays(today, -21), plannedEnd: addDays(today, 180),
  });
  expect(created.status, JSON.stringify(created.json)).toBe(201);
  if (fence) expect((await office('PUT', `/api/organisations/${own!.recipientOrgId}/geofence`, fence)).status).toBe(200);
  return created.json;
}
