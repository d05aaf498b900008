import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatchCxStaff } from '../../test/dispatch.fixture.js';
import { createTestApp, testDatabases, type TestApp } from '../../test/test-app.js';

// The test clock stands at 2026-11-23. The CX programme and the 武定 pairing are extended to 2027 by the fixture;
// 武定县人民医院 has two support units (云南省第一人民医院, 解放军第401医院).
describe.each(testDatabases())('annual agreements on %s', (kind) => {
  let t: TestApp;
  let support: string;
  let recipient: string;
  let office: string;
  let pairingId: string;
  let agreementId: string;
  const body = {
    year: 2026, departments: ['儿科', '急诊科'], technologies: [{ name: '新生儿复苏技术', target: '年内独立开展 20 例' }],
    traineeTarget: 6, trainees: [{ name: '王护士', department: '儿科' }], capabilityTargets: [{ item: '儿科急危重症救治', target: '达到县医院能力基本标准' }],
  };

  beforeAll(async () => {
    t = await createTestApp(kind);
    ({ pairingId } = await dispatchCxStaff(t, { start: '2026-09-01', end: '2026-12-31' }));
    [support, recipient, office] = await Promise.all([t.login('cx-support'), t.login('cx-recipient'), t.login('cx-office')]);
  });
  afterAll(async () => { await t?.close(); });

  it('the office sees which support units have no agreement for the year', async () => {
    const res = await t.request('GET', '/api/agreements/coverage?year=2026', { cookie: office });
    expect(res.statusCode, res.body).toBe(200);
    const cov = res.json();
    // Only the extended 武定 pairing is valid in 2026: one row per support unit.
    expect(cov.items.map((i: { supportOrg: { name: string } }) => i.supportOrg.name).sort()).toEqual(['云南省第一人民医院', '解放军第401医院'].sort());
    expect(cov.counts).toEqual({ none: 2, draft: 0, signed: 0, filed: 0 });
    expect(cov.items[0].verdict).toMatchObject({ ruleId: 'annual-agreement', status: 'at_risk', citation: '楚卫通〔2018〕43号 三（五）' });
    // 2019 has ended: every CX support unit without an agreement is unmet.
    const past = (await t.request('GET', '/api/agreements/coverage?year=2019&missingOnly=true&pageSize=200', { cookie: office })).json();
    expect(past.total).toBeGreaterThanOrEqual(8);
    expect(past.items.every((i: { verdict: { status: string } }) => i.verdict.status === 'unmet')).toBe(true);
  });

  it('a support unit drafts the agreement for itself; a recipient must name the support unit', async () => {
    const ambiguous = await t.request('POST', '/api/agreements', { cookie: recipient, body: { ...body, pairingId } });
    expect(ambiguous.statusCode).toBe(400);
    expect(ambiguous.json().field).toBe('supportOrgId');
    const res = await t.request('POST', '/api/agreements', { cookie: support, body: { ...body, pairingId } });
    expect(res.statusCode, res.body).toBe(201);
    agreementId = res.json().id;
    expect(res.json()).toMatchObject({
      supportOrg: { name: '云南省第一人民医院' }, recipientOrg: { name: '武定县人民医院' }, draftedBy: 'support_unit', status: 'draft',
      technologies: [{ name: '新生儿复苏技术', target: '年内独立开展 20 例' }], canEdit: true, canSign: true, canFile: false,
      verdict: { status: 'at_risk' },
    });
    expect(res.json().verdict.explanation).toContain('尚待支援医院、受援医院签订');
    const dup = await t.request('POST', '/api/agreements', { cookie: support, body: { ...body, pairingId } });
    expect(dup.statusCode).toBe(409);
    const outOfTerm = await t.request('POST', '/api/agreements', { cookie: support, body: { ...body, pairingId, year: 2030 } });
    expect(outOfTerm.statusCode).toBe(400);
    expect(outOfTerm.json().field).toBe('year');
    expect((await t.request('POST', '/api/agreements', { cookie: await t.login('cx-staff'), body: { ...body, pairingId } })).statusCode).toBe(403);
  });

  it('both sides sign on their own side; the content is frozen from the first signature', async () => {
    const edit = await t.request('PATCH', `/api/agreements/${agreementId}`, { cookie: recipient, body: { departments: ['儿科', '急诊科', '新生儿科'] } });
    expect(edit.json().departments).toEqual(['儿科', '急诊科', '新生儿科']);
    const future = await t.request('POST', `/api/agreements/${agreementId}/sign`, { cookie: support, body: { signedOn: '2026-12-01' } });
    expect(future.statusCode).toBe(400);
    expect(future.json().field).toBe('signedOn');
    const first = await t.request('POST', `/api/agreements/${agreementId}/sign`, { cookie: support, body: { signedOn: '2026-02-10' } });
    expect(first.json()).toMatchObject({ supportSignedOn: '2026-02-10', supportSignedBy: 'cx-support', status: 'draft', canSign: false, canEdit: false });
    expect((await t.request('POST', `/api/agreements/${agreementId}/sign`, { cookie: support, body: { signedOn: '2026-02-11' } })).statusCode).toBe(409);
    expect((await t.request('PATCH', `/api/agreements/${agreementId}`, { cookie: recipient, body: { content: '改' } })).statusCode).toBe(409);
    expect((await t.request('POST', `/api/agreements/${agreementId}/sign`, { cookie: office, body: { signedOn: '2026-02-11' } })).statusCode).toBe(403);
    const second = await t.request('POST', `/api/agreements/${agreementId}/sign`, { cookie: recipient, body: { signedOn: '2026-02-12' } });
    expect(second.json()).toMatchObject({ recipientSignedOn: '2026-02-12', status: 'signed', verdict: { status: 'at_risk' } });
    expect(second.json().verdict.explanation).toContain('尚未一式 2 份报州（市）卫生健康委备案');
    expect((await t.request('DELETE', `/api/agreements/${agreementId}`, { cookie: support })).statusCode).toBe(409);
  });

  it('the prefecture office files it (CX: with the prefecture), not the county', async () => {
    const county = await t.request('POST', `/api/agreements/${agreementId}/file`, { cookie: await t.login('cx-county'), body: { filedOn: '2026-03-01' } });
    expect(county.statusCode).toBe(403);
    expect(county.json().message).toContain('州（市）卫生健康委');
    const early = await t.request('POST', `/api/agreements/${agreementId}/file`, { cookie: office, body: { filedOn: '2026-02-11' } });
    expect(early.json().field).toBe('filedOn');
    expect((await t.request('GET', `/api/agreements/${agreementId}`, { cookie: office })).json().canFile).toBe(true);
    const filed = await t.request('POST', `/api/agreements/${agreementId}/file`, { cookie: office, body: { filedOn: '2026-03-01' } });
    expect(filed.json()).toMatchObject({ status: 'filed', filedOn: '2026-03-01', filedCopies: 2, filedBy: 'cx-office', verdict: { status: 'met' } });
    const cov = (await t.request('GET', '/api/agreements/coverage?year=2026', { cookie: office })).json();
    expect(cov.counts).toEqual({ none: 1, draft: 0, signed: 0, filed: 1 });
    expect((await t.request('GET', '/api/agreements/coverage?year=2026&missingOnly=true', { cookie: office })).json().items.map((i: { supportOrg: { name: string } }) => i.supportOrg.name)).toEqual(['解放军第401医院']);
    const audit = (await t.request('GET', `/api/audit-events?entityType=agreement&entityId=${agreementId}`, { cookie: await t.login('admin') })).json();
    expect(audit.total).toBe(5); // drafted, edited, signed twice, filed
  });

  it('lists by status and year, and keeps other regions out', async () => {
    expect((await t.request('GET', '/api/agreements?year=2026&status=filed', { cookie: recipient })).json().total).toBe(1);
    expect((await t.request('GET', '/api/agreements?status=draft', { cookie: office })).json().total).toBe(0);
    const my = await t.login('my-office');
    expect((await t.request('GET', '/api/agreements', { cookie: my })).json().total).toBe(0);
    expect((await t.request('GET', `/api/agreements/${agreementId}`, { cookie: my })).statusCode).toBe(404);
    expect((await t.request('POST', `/api/agreements/${agreementId}/file`, { cookie: my, body: { filedOn: '2026-03-01' } })).statusCode).toBe(404);
    expect((await t.request('POST', '/api/agreements', { cookie: await t.login('my-support'), body: { ...body, pairingId } })).json().field).toBe('pairingId');
    // The other support unit of the pairing does not see 云南省第一人民医院's agreement… but the pairing's recipient does.
    expect((await t.request('GET', '/api/agreements/coverage?year=2026', { cookie: support })).json().items.map((i: { supportOrg: { name: string } }) => i.supportOrg.name)).toEqual(['云南省第一人民医院']);
  });

  it('a draft nobody signed can be deleted by either side', async () => {
    const draft = (await t.request('POST', '/api/agreements', { cookie: support, body: { ...body, pairingId, year: 2027 } })).json();
    expect((await t.request('DELETE', `/api/agreements/${draft.id}`, { cookie: office })).statusCode).toBe(403);
    expect((await t.request('DELETE', `/api/agreements/${draft.id}`, { cookie: recipient })).json()).toEqual({ result: 'deleted' });
    expect((await t.request('GET', `/api/agreements/${draft.id}`, { cookie: support })).statusCode).toBe(404);
  });
});
