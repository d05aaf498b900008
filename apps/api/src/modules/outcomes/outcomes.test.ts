import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatchCxStaff } from '../../test/dispatch.fixture.js';
import { createTestApp, testDatabases, type TestApp } from '../../test/test-app.js';

// The test clock stands at 2026-11-23. 武定县人民医院 (CX, county 武定县) and 平武县人民医院 (MY).
describe.each(testDatabases())('outcome indicators on %s', (kind) => {
  let t: TestApp;
  let recipientOrgId: string;
  let pairingId: string;
  let recipient: string;
  let county: string;
  let y2025: string;

  beforeAll(async () => {
    t = await createTestApp(kind);
    ({ recipientOrgId, pairingId } = await dispatchCxStaff(t, { start: '2026-03-01', end: '2026-12-31' }));
    [recipient, county] = await Promise.all([t.login('cx-recipient'), t.login('cx-county')]);
  });
  afterAll(async () => { await t?.close(); });

  it('the recipient and its county office enter them; others may not', async () => {
    const res = await t.request('POST', '/api/outcomes', { cookie: recipient, body: { recipientOrgId, period: '2025', technologiesIntroduced: 3, personsTrained: 12, capabilityItemsMet: 150, capabilityItemsTotal: 300 } });
    expect(res.statusCode, res.body).toBe(201);
    y2025 = res.json().id;
    expect(res.json()).toMatchObject({ recipientOrg: { name: '武定县人民医院' }, period: '2025', referralsUp: null, enteredBy: 'cx-recipient', canEdit: true });
    const byCounty = await t.request('POST', '/api/outcomes', { cookie: county, body: { recipientOrgId, period: '2026', technologiesIntroduced: 5, personsTrained: 20, capabilityItemsMet: 210, capabilityItemsTotal: 300, referralsUp: 120, referralsDown: 45 } });
    expect(byCounty.statusCode, byCounty.body).toBe(201);
    await t.request('POST', '/api/outcomes', { cookie: county, body: { recipientOrgId, period: '2026-Q3', referralsUp: 30, referralsDown: 12 } });
    expect((await t.request('POST', '/api/outcomes', { cookie: await t.login('cx-office'), body: { recipientOrgId, period: '2024', personsTrained: 1 } })).statusCode).toBe(403);
    expect((await t.request('POST', '/api/outcomes', { cookie: await t.login('cx-support'), body: { recipientOrgId, period: '2024', personsTrained: 1 } })).statusCode).toBe(403);
  });

  it('refuses duplicates, future periods, empty records and impossible figures', async () => {
    expect((await t.request('POST', '/api/outcomes', { cookie: recipient, body: { recipientOrgId, period: '2025', personsTrained: 1 } })).statusCode).toBe(409);
    expect((await t.request('POST', '/api/outcomes', { cookie: recipient, body: { recipientOrgId, period: '2027', personsTrained: 1 } })).json().field).toBe('period');
    expect((await t.request('POST', '/api/outcomes', { cookie: recipient, body: { recipientOrgId, period: '2024' } })).json().field).toBe('technologiesIntroduced');
    expect((await t.request('POST', '/api/outcomes', { cookie: recipient, body: { recipientOrgId, period: '2024', capabilityItemsMet: 9, capabilityItemsTotal: 5 } })).json().field).toBe('capabilityItemsMet');
    expect((await t.request('POST', '/api/outcomes', { cookie: recipient, body: { recipientOrgId, period: '2024', inCountyTreatmentRate: 120 } })).json().field).toBe('inCountyTreatmentRate');
    expect((await t.request('PATCH', `/api/outcomes/${y2025}`, { cookie: recipient, body: { capabilityItemsMet: 400 } })).json().field).toBe('capabilityItemsMet');
  });

  it('shows the trend against the signed agreements\' targets, with the indicators the policy assesses', async () => {
    const support = await t.login('cx-support');
    const agreement = (await t.request('POST', '/api/agreements', { cookie: support, body: { pairingId, year: 2026, technologies: [{ name: '腹腔镜胆囊切除' }, { name: '新生儿复苏' }], traineeTarget: 8 } })).json();
    await t.request('POST', `/api/agreements/${agreement.id}/sign`, { cookie: support, body: { signedOn: '2026-02-01' } });
    await t.request('POST', `/api/agreements/${agreement.id}/sign`, { cookie: recipient, body: { signedOn: '2026-02-02' } });
    const res = await t.request('GET', `/api/outcomes/trend?recipientOrgId=${recipientOrgId}`, { cookie: await t.login('cx-office') });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      recipientOrg: { name: '武定县人民医院' },
      indicators: [{ key: 'county_hospital_capability_standard', label: '达到《县医院医疗服务能力基本标准》', policyCode: 'CX' }],
      points: [
        { period: '2025', technologiesIntroduced: 3, personsTrained: 12, capabilityRate: 50, referralsTotal: null },
        { period: '2026', technologiesIntroduced: 5, personsTrained: 20, capabilityRate: 70, referralsTotal: 165 },
      ],
      targets: [{ year: 2026, technologies: 2, traineeTarget: 8 }],
    });
    const quarterly = (await t.request('GET', `/api/outcomes/trend?recipientOrgId=${recipientOrgId}&granularity=quarter`, { cookie: recipient })).json();
    expect(quarterly.points.map((p: { period: string; referralsTotal: number }) => [p.period, p.referralsTotal])).toEqual([['2026-Q3', 42]]);
    const my = (await t.request('GET', '/api/organisations?q=平武县人民医院', { cookie: await t.login('my-office') })).json().items[0].id;
    const myTrend = (await t.request('GET', `/api/outcomes/trend?recipientOrgId=${my}`, { cookie: await t.login('my-recipient') })).json();
    expect(myTrend.indicators.map((i: { key: string }) => i.key)).toEqual(['tiered_care', 'two_way_referral', 'in_county_treatment_rate']);
  });

  it('lists by year; keeps other regions out', async () => {
    expect((await t.request('GET', '/api/outcomes?year=2026', { cookie: recipient })).json().total).toBe(2);
    const staffView = (await t.request('GET', '/api/outcomes', { cookie: await t.login('cx-support') })).json();
    expect(staffView.total).toBe(3);
    expect(staffView.items[0].canEdit).toBe(false);
    const my = await t.login('my-office');
    expect((await t.request('GET', '/api/outcomes', { cookie: my })).json().total).toBe(0);
    expect((await t.request('GET', `/api/outcomes/${y2025}`, { cookie: my })).statusCode).toBe(404);
    expect((await t.request('GET', `/api/outcomes/trend?recipientOrgId=${recipientOrgId}`, { cookie: my })).statusCode).toBe(404);
    expect((await t.request('POST', '/api/outcomes', { cookie: await t.login('my-county'), body: { recipientOrgId, period: '2024', personsTrained: 1 } })).json().field).toBe('recipientOrgId');
    expect((await t.request('DELETE', `/api/outcomes/${y2025}`, { cookie: county })).json()).toEqual({ result: 'deleted' });
  });
});
