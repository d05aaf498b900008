import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, testDatabases, type TestApp } from '../../test/test-app.js';

describe.each(testDatabases())('holiday calendar on %s', (kind) => {
  let t: TestApp;
  let office: string;
  let admin: string;
  beforeAll(async () => { t = await createTestApp(kind); office = await t.login('cx-office'); admin = await t.login('admin'); });
  afterAll(async () => { await t?.close(); });

  it.each([
    ['2019-10-01', { workingDay: false, kind: 'holiday', name: '国庆节' }],
    ['2019-10-05', { workingDay: false, kind: 'holiday' }],
    ['2019-09-29', { workingDay: true, kind: 'adjusted_workday' }],
    ['2019-10-12', { workingDay: true, kind: 'adjusted_workday' }],
    ['2019-10-08', { workingDay: true, kind: 'workday' }],
    ['2019-10-13', { workingDay: false, kind: 'rest' }],
    ['2020-01-31', { workingDay: false, kind: 'holiday', name: '春节' }],
  ])('describes %s', async (date, expected) => {
    const res = await t.request('GET', `/api/calendar/days/${date}`, { cookie: office });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ date, ...expected });
  });

  it.each([
    ['2019-10-05', '2019-10-08', true],
    ['2019-01-05', '2019-01-07', true],
    ['2020-04-05', '2020-04-07', true],
    ['2019-09-29', '2019-09-29', false],
    ['2019-06-05', '2019-06-05', false],
  ])('moves a deadline of %s to the next working day (%s)', async (nominal, due, postponed) => {
    const res = await t.request('GET', `/api/calendar/deadline?date=${nominal}`, { cookie: office });
    expect(res.json()).toEqual({ nominal, due, postponed });
  });

  it('answers CALENDAR_YEAR_MISSING naming a year with no calendar, instead of guessing', async () => {
    const res = await t.request('GET', '/api/calendar/deadline?date=2027-01-05', { cookie: office });
    expect(res.statusCode).toBe(422);
    expect(res.json().code).toBe('CALENDAR_YEAR_MISSING');
    expect(res.json().message).toContain('2027');
    // A deadline at the end of 2026 that would roll into the missing 2027 is refused too.
    expect((await t.request('GET', '/api/calendar/deadline?date=2026-12-31', { cookie: office })).statusCode).toBe(200);
  });

  it('lists the shipped years 2018–2026 with their counts', async () => {
    const years = (await t.request('GET', '/api/calendar/years', { cookie: office })).json().items;
    expect(years.map((y: { year: number }) => y.year)).toEqual([2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026]);
    expect(years[1]).toMatchObject({ year: 2019, holidays: 28, adjustedWorkdays: 6 });
    expect(years[0].source).toMatch(/^chinese-days@/);
  });

  it('lets an administrator enter a new year, validating each day, and audits it', async () => {
    const bad = await t.request('PUT', '/api/calendar/years/2027', { cookie: admin, body: { days: [{ date: '2027-01-01', kind: 'holiday', name: '元旦' }, { date: '2027-01-04', kind: 'adjusted_workday' }] } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ field: 'days.1.kind' });
    expect(bad.json().message).toContain('周六或周日');
    const outside = await t.request('PUT', '/api/calendar/years/2027', { cookie: admin, body: { days: [{ date: '2026-12-31', kind: 'holiday' }] } });
    expect(outside.json().field).toBe('days.0.date');
    const denied = await t.request('PUT', '/api/calendar/years/2027', { cookie: office, body: { days: [{ date: '2027-01-01', kind: 'holiday' }] } });
    expect(denied.statusCode).toBe(403);
    const ok = await t.request('PUT', '/api/calendar/years/2027', { cookie: admin, body: { note: '国办发明电〔2026〕X号', days: [
      { date: '2027-01-01', kind: 'holiday', name: '元旦' }, { date: '2027-01-02', kind: 'holiday', name: '元旦' }, { date: '2027-01-03', kind: 'holiday', name: '元旦' },
    ] } });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ year: 2027, source: 'manual', holidays: 3, loadedBy: 'admin' });
    expect((await t.request('GET', '/api/calendar/days/2027-01-01', { cookie: office })).json()).toMatchObject({ workingDay: false, kind: 'holiday', name: '元旦' });
    expect((await t.request('GET', '/api/calendar/deadline?date=2027-01-01', { cookie: office })).json()).toEqual({ nominal: '2027-01-01', due: '2027-01-04', postponed: true });
    const audit = (await t.request('GET', '/api/audit-events?entityType=calendar&entityId=2027', { cookie: admin })).json().items;
    expect(audit[0]).toMatchObject({ action: 'create', actorUsername: 'admin' });
    expect((await t.request('DELETE', '/api/calendar/years/2027', { cookie: admin })).statusCode).toBe(200);
    expect((await t.request('GET', '/api/calendar/days/2027-01-01', { cookie: office })).statusCode).toBe(422);
  });

  it('rejects impossible dates with a field-named 400', async () => {
    const res = await t.request('GET', '/api/calendar/days/2019-02-30', { cookie: office });
    expect(res.statusCode).toBe(400);
    expect(res.json().field).toBe('date');
  });
});
