import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, testDatabases, type TestApp } from '../../test/test-app.js';

describe.each(testDatabases())('organisations, regions and programmes on %s', (kind) => {
  let t: TestApp;
  let my: string;
  beforeAll(async () => { t = await createTestApp(kind); my = await t.login('my-office'); });
  afterAll(async () => { await t?.close(); });

  it('lists organisations with search, filters and pagination', async () => {
    const page1 = (await t.request('GET', '/api/organisations?pageSize=5&page=1', { cookie: my })).json();
    const page2 = (await t.request('GET', '/api/organisations?pageSize=5&page=2', { cookie: my })).json();
    expect(page1.items).toHaveLength(5);
    expect(page1.total).toBe(page2.total);
    expect(page1.items[0].id).not.toBe(page2.items[0].id);
    const tcm = (await t.request('GET', '/api/organisations?kind=tcm_hospital&pageSize=50', { cookie: my })).json().items.map((o: { name: string }) => o.name);
    expect(tcm).toEqual(expect.arrayContaining(['平武县中医院', '北川中羌医医院', '绵阳市中医医院']));
    const pingwu = (await t.request('GET', '/api/organisations?regionCode=510727&pageSize=50', { cookie: my })).json().items;
    expect(pingwu.every((o: { regionCode: string }) => o.regionCode === '510727')).toBe(true);
    const central = (await t.request('GET', '/api/organisations?q=绵阳市中心医院', { cookie: my })).json().items[0];
    expect(central).toMatchObject({ adminLevel: 'municipal', grade: '3A', supportPairings: 2, recipientPairings: 0 });
  });

  it('creates an organisation in its area, refuses one outside it and a duplicate name, naming the field', async () => {
    const ok = await t.request('POST', '/api/organisations', { cookie: my, body: { name: '平武县平通镇卫生院', kind: 'township_centre', regionCode: '510727' } });
    expect(ok.statusCode).toBe(201);
    expect(ok.json()).toMatchObject({ grade: 'ungraded', regionName: '平武县', archived: false });
    const dup = await t.request('POST', '/api/organisations', { cookie: my, body: { name: '平武县平通镇卫生院', kind: 'township_centre', regionCode: '510727' } });
    expect(dup.statusCode).toBe(409);
    expect(dup.json()).toMatchObject({ code: 'DUPLICATE', field: 'name' });
    const outside = await t.request('POST', '/api/organisations', { cookie: my, body: { name: '某县医院', kind: 'general_hospital', regionCode: '532329' } });
    expect(outside.statusCode).toBe(403);
    expect(outside.json().field).toBe('regionCode');
    const missing = await t.request('POST', '/api/organisations', { cookie: my, body: { kind: 'general_hospital', regionCode: '510727' } });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().field).toBe('name');
    expect(missing.json().message).toContain('名称');
    const badKind = await t.request('POST', '/api/organisations', { cookie: my, body: { name: '某医院', kind: 'castle', regionCode: '510727' } });
    expect(badKind.json()).toMatchObject({ code: 'VALIDATION_FAILED', field: 'kind' });
    expect(badKind.json().message).toContain('机构类别');
  });

  it('deletes an unreferenced organisation but archives a referenced one, and restores it', async () => {
    const fresh = (await t.request('POST', '/api/organisations', { cookie: my, body: { name: '临时机构', kind: 'general_hospital', regionCode: '510705' } })).json();
    expect((await t.request('DELETE', `/api/organisations/${fresh.id}`, { cookie: my })).json()).toEqual({ result: 'deleted' });
    const used = (await t.request('GET', '/api/organisations?q=绵阳富临医院', { cookie: my })).json().items[0];
    expect((await t.request('DELETE', `/api/organisations/${used.id}`, { cookie: my })).json()).toEqual({ result: 'archived' });
    expect((await t.request('GET', '/api/organisations?q=绵阳富临医院', { cookie: my })).json().total).toBe(0);
    const withArchived = (await t.request('GET', '/api/organisations?q=绵阳富临医院&includeArchived=true', { cookie: my })).json().items[0];
    expect(withArchived.archived).toBe(true);
    // An archived unit cannot join a new pairing.
    const programme = (await t.request('GET', '/api/programmes', { cookie: my })).json().items[0].id;
    const recipient = (await t.request('GET', '/api/organisations?q=梓潼县人民医院', { cookie: my })).json().items[0].id;
    const refused = await t.request('POST', '/api/pairings', { cookie: my, body: { programmeId: programme, recipientOrgId: recipient, supportOrgIds: [used.id] } });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().message).toContain('已归档');
    expect((await t.request('POST', `/api/organisations/${used.id}/restore`, { cookie: my })).json().archived).toBe(false);
    const audit = (await t.request('GET', `/api/audit-events?entityType=organisation&entityId=${used.id}`, { cookie: await t.login('admin') })).json().items;
    expect(audit.map((e: { action: string }) => e.action)).toEqual(['restore', 'archive']);
  });

  it('a county office may edit units of its county only', async () => {
    const county = await t.login('my-county'); // 平武县
    const inCounty = (await t.request('GET', '/api/organisations?q=平武县人民医院', { cookie: county })).json().items[0];
    expect((await t.request('PATCH', `/api/organisations/${inCounty.id}`, { cookie: county, body: { shortName: '平武县医院' } })).json().shortName).toBe('平武县医院');
    // It sees the city hospital that supports its county, but cannot change it.
    const supporter = (await t.request('GET', '/api/organisations?q=绵阳市中心医院', { cookie: county })).json().items[0];
    expect(supporter).toBeDefined();
    expect((await t.request('PATCH', `/api/organisations/${supporter.id}`, { cookie: county, body: { shortName: 'x' } })).statusCode).toBe(403);
  });

  it('manages regions: GB/T 2260 prefixes, local codes for zones, levels, archive when referenced', async () => {
    const zone = await t.request('POST', '/api/regions', { cookie: my, body: { code: '5107YX', name: '游仙经济试验区', level: 'zone', parentCode: '510700' } });
    expect(zone.statusCode).toBe(201);
    expect(zone.json()).toMatchObject({ isLocalCode: true, parentName: '绵阳市' });
    const wrongPrefix = await t.request('POST', '/api/regions', { cookie: my, body: { code: '510803', name: '错编码区', level: 'county', parentCode: '510700' } });
    expect(wrongPrefix.statusCode).toBe(400);
    expect(wrongPrefix.json()).toMatchObject({ field: 'code' });
    const wrongLevel = await t.request('POST', '/api/regions', { cookie: my, body: { code: '510799', name: '错级别', level: 'prefecture', parentCode: '510700' } });
    expect(wrongLevel.json().field).toBe('level');
    const above = await t.request('POST', '/api/regions', { cookie: my, body: { code: '510899', name: '广元某区', level: 'county', parentCode: '510000' } });
    expect(above.statusCode).toBe(403);
    expect((await t.request('PATCH', '/api/regions/5107YX', { cookie: my, body: { name: '游仙区' } })).json().name).toBe('游仙区');
    expect((await t.request('DELETE', '/api/regions/5107YX', { cookie: my })).json()).toEqual({ result: 'deleted' });
    expect((await t.request('DELETE', '/api/regions/510727', { cookie: my })).json()).toEqual({ result: 'archived' });
    expect((await t.request('GET', '/api/regions?q=平武', { cookie: my })).json().total).toBe(0);
    expect((await t.request('POST', '/api/regions/510727/restore', { cookie: my })).json().archived).toBe(false);
    const tree = (await t.request('GET', '/api/regions?parentCode=510700&pageSize=50', { cookie: my })).json().items.map((r: { name: string }) => r.name);
    expect(tree).toEqual(expect.arrayContaining(['平武县', '北川羌族自治县', '高新区', '经开区', '科学城']));
  });

  it('manages programmes: owner must be an office in the area; one with pairings is archived', async () => {
    const officeId = (await t.request('GET', '/api/organisations?kind=health_office&q=绵阳市卫生健康委员会', { cookie: my })).json().items[0].id;
    const hospitalId = (await t.request('GET', '/api/organisations?q=绵阳市中心医院', { cookie: my })).json().items[0].id;
    const bad = await t.request('POST', '/api/programmes', { cookie: my, body: { name: '2021年传帮带', ownerOrgId: hospitalId, policyCode: 'MY' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().field).toBe('ownerOrgId');
    for (const policyCode of ['ZZ', 'CX']) { // unknown, and Chuxiong's (not readable by Mianyang)
      const unknownPolicy = await t.request('POST', '/api/programmes', { cookie: my, body: { name: '2021年传帮带', ownerOrgId: officeId, policyCode } });
      expect(unknownPolicy.statusCode).toBe(400);
      expect(unknownPolicy.json()).toMatchObject({ field: 'policyCode', message: expect.stringContaining(policyCode) });
    }
    const order = await t.request('POST', '/api/programmes', { cookie: my, body: { name: '2021年传帮带', ownerOrgId: officeId, policyCode: 'MY', validFrom: '2021-12-31', validTo: '2021-01-01' } });
    expect(order.json().field).toBe('validTo');
    const created = await t.request('POST', '/api/programmes', { cookie: my, body: { name: '2021—2023年传帮带', ownerOrgId: officeId, policyCode: 'MY', validFrom: '2021-01-01', validTo: '2023-12-31' } });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ ownerOrgName: '绵阳市卫生健康委员会', pairingCount: 0 });
    expect((await t.request('DELETE', `/api/programmes/${created.json().id}`, { cookie: my })).json()).toEqual({ result: 'deleted' });
    const seeded = (await t.request('GET', '/api/programmes', { cookie: my })).json().items[0];
    expect(seeded.pairingCount).toBe(32);
    expect((await t.request('DELETE', `/api/programmes/${seeded.id}`, { cookie: my })).json()).toEqual({ result: 'archived' });
    expect((await t.request('POST', `/api/programmes/${seeded.id}/restore`, { cookie: my })).statusCode).toBe(200);
    // A unit reads programmes but cannot write them.
    expect((await t.request('PATCH', `/api/programmes/${seeded.id}`, { cookie: await t.login('my-support'), body: { name: 'x' } })).statusCode).toBe(403);
  });

  it('shows each role a home page of real figures for its scope', async () => {
    const cx = (await t.request('GET', '/api/home/summary', { cookie: await t.login('cx-office') })).json();
    expect(cx).toMatchObject({ scopeName: '楚雄彝族自治州', programmes: 1, pairings: 8, recipientUnits: 8 });
    expect(cx.byCounty.find((c: { regionName: string }) => c.regionName === '永仁县')).toMatchObject({ pairings: 2, recipients: 2 });
    const unit = (await t.request('GET', '/api/home/summary', { cookie: await t.login('cx-recipient') })).json();
    expect(unit).toMatchObject({ scopeName: '武定县人民医院', pairings: 1, recipientUnits: 1, supportUnits: 2 });
    const admin = (await t.request('GET', '/api/home/summary', { cookie: await t.login('admin') })).json();
    expect(admin.programmes).toBe(2);
    expect(admin.recentAudit).toBeGreaterThan(0);
  });

  it('serves the OpenAPI document and a health check that touches the database', async () => {
    const doc = (await t.request('GET', '/api/openapi.json')).json();
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/pairings', '/api/pairings/import', '/api/auth/login']));
    expect((await t.request('GET', '/api/health')).json()).toEqual({ status: 'ok', database: kind });
    expect((await t.request('GET', '/api/docs')).statusCode).toBeLessThan(400);
  });
});
