import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatchCxStaff } from '../../test/dispatch.fixture.js';
import { createTestApp, testDatabases, type TestApp } from '../../test/test-app.js';

// The test clock stands at 2026-11-23; the 武定 pairing (support: 云南省第一人民医院, 解放军第401医院) is extended to 2027.
describe.each(testDatabases())('leadership visits on %s', (kind) => {
  let t: TestApp;
  let support: string;
  let pairingId: string;
  let visitId: string;
  const visit = (body: object) => t.request('POST', '/api/leadership-visits', { cookie: support, body: { pairingId, leaderName: '张院长', leaderPost: '院长', ledByLeadership: true, content: '座谈帮扶工作，查看儿科建设', ...body } });
  const verdictOf = async (year: number, cookie = support) => {
    const res = await t.request('GET', `/api/leadership-visits/verdicts?year=${year}&pageSize=200`, { cookie });
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };

  beforeAll(async () => {
    t = await createTestApp(kind);
    ({ pairingId } = await dispatchCxStaff(t, { start: '2026-03-01', end: '2026-12-31' }));
    support = await t.login('cx-support');
  });
  afterAll(async () => { await t?.close(); });

  it('a year under way with one visit led by the director is at risk; a second visit meets it', async () => {
    const first = await visit({ date: '2026-03-10', participants: '医务部主任、儿科主任' });
    expect(first.statusCode, first.body).toBe(201);
    visitId = first.json().id;
    expect(first.json()).toMatchObject({ supportOrg: { name: '云南省第一人民医院' }, recipientOrg: { name: '武定县人民医院' }, ledByLeadership: true, canEdit: true });
    const [mine] = (await verdictOf(2026)).items;
    expect(mine).toMatchObject({ visits: 1, ledByLeadership: 1, verdict: { ruleId: 'leadership-visits', status: 'at_risk', citation: '楚卫通〔2018〕43号 三（二）' } });
    await visit({ date: '2026-09-15', leaderName: '李主任', leaderPost: '医务部主任', ledByLeadership: false });
    const [after] = (await verdictOf(2026)).items;
    expect(after).toMatchObject({ visits: 2, ledByLeadership: 1, verdict: { status: 'met', figures: { visits: 2, required: 2, ledByLeadership: 1, requiredLed: 1 } } });
  });

  it('two visits none led by the leadership do not meet it; the office sees each support unit', async () => {
    await t.request('PATCH', `/api/leadership-visits/${visitId}`, { cookie: support, body: { ledByLeadership: false, leaderName: '王主任' } });
    const office = await verdictOf(2026, await t.login('cx-office'));
    const byUnit = Object.fromEntries(office.items.map((i: { supportOrg: { name: string }; verdict: { status: string } }) => [i.supportOrg.name, i.verdict.status]));
    expect(byUnit).toEqual({ 云南省第一人民医院: 'at_risk', 解放军第401医院: 'at_risk' });
    expect(office.items.find((i: { supportOrg: { name: string } }) => i.supportOrg.name === '云南省第一人民医院').verdict.explanation)
      .toBe('2026 年赴受援医院 2 次（院领导带队 0 次），要求不少于 2 次、院领导带队不少于 1 次，年内尚未达到');
    // Ended years without visits are unmet for every CX support unit.
    const past = await verdictOf(2019, await t.login('cx-office'));
    expect(past.total).toBeGreaterThanOrEqual(8);
    expect(past.items.every((i: { verdict: { status: string } }) => i.verdict.status === 'unmet')).toBe(true);
    expect((await t.request('GET', '/api/leadership-visits/verdicts?year=2026&shortOnly=true', { cookie: await t.login('cx-office') })).json().total).toBe(2);
  });

  it('only the support unit records its visits, not in the future', async () => {
    expect((await visit({ date: '2026-12-01' })).json().field).toBe('date');
    expect((await t.request('POST', '/api/leadership-visits', { cookie: await t.login('cx-recipient'), body: { pairingId, date: '2026-05-01', leaderName: 'x', ledByLeadership: true, content: 'x' } })).statusCode).toBe(403);
    const other = await t.request('POST', '/api/leadership-visits', { cookie: support, body: { pairingId, supportOrgId: (await t.request('GET', `/api/pairings/${pairingId}`, { cookie: support })).json().supportUnits.find((s: { name: string }) => s.name === '解放军第401医院').id, date: '2026-05-01', leaderName: 'x', ledByLeadership: true, content: 'x' } });
    expect(other.statusCode).toBe(403);
    expect(other.json().message).toContain('解放军第401医院');
    const list = (await t.request('GET', '/api/leadership-visits?year=2026', { cookie: await t.login('cx-recipient') })).json();
    expect(list.total).toBe(2);
    expect(list.items[0].canEdit).toBe(false);
  });

  it('keeps other regions out; MY has no such rule', async () => {
    const my = await t.login('my-office');
    expect((await t.request('GET', '/api/leadership-visits', { cookie: my })).json().total).toBe(0);
    expect((await t.request('GET', `/api/leadership-visits/${visitId}`, { cookie: my })).statusCode).toBe(404);
    expect((await t.request('GET', '/api/leadership-visits/verdicts?year=2019', { cookie: my })).json().total).toBe(0);
    expect((await t.request('DELETE', `/api/leadership-visits/${visitId}`, { cookie: support })).json()).toEqual({ result: 'deleted' });
    const audit = (await t.request('GET', '/api/audit-events?entityType=leadership_visit', { cookie: await t.login('admin') })).json();
    expect(audit.total).toBe(4);
  });
});
