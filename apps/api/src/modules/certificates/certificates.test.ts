import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatchCxStaff } from '../../test/dispatch.fixture.js';
import { pdfText } from '../../test/pdf.fixture.js';
import { createTestApp, testDatabases, type TestApp } from '../../test/test-app.js';

// The test clock stands at 2026-11-23. 李医生 served at 武定县人民医院 from 2025-11-23 to 2026-11-22 (CX, one year).
describe.each(testDatabases())('service certificates for promotion on %s', (kind) => {
  let t: TestApp;
  let ids: Awaited<ReturnType<typeof dispatchCxStaff>>;
  let support: string;
  let certificate: { id: string; number: string };

  beforeAll(async () => {
    t = await createTestApp(kind);
    ids = await dispatchCxStaff(t, { start: '2025-11-23', end: '2026-11-22' });
    support = await t.login('cx-support');
    const recipient = await t.login('cx-recipient');
    const days = ['2026-11-02', '2026-11-03', '2026-11-04'].map((date) => ({ assignmentId: ids.assignmentId, date, status: 'on_duty' }));
    expect((await t.request('PUT', '/api/attendance/months/2026-11/days', { cookie: recipient, body: { entries: days } })).statusCode).toBe(200);
    // An excellent appraisal, through the whole chain.
    const ap = (await t.request('POST', '/api/appraisals', { cookie: recipient, body: { assignmentId: ids.assignmentId, grade: 'excellent', comments: '工作认真，带教成效显著' } })).json();
    for (const [user, comment] of [['cx-recipient', ''], ['cx-county', '同意'], ['cx-office', '同意'], ['yn-province', '备案']] as const) {
      const res = await t.request('POST', `/api/appraisals/${ap.id}/forward`, { cookie: await t.login(user), body: comment ? { comment } : {} });
      expect(res.statusCode, res.body).toBe(200);
    }
  });
  afterAll(async () => { await t?.close(); });

  it('is issued only for a completed assignment, by the support unit or an office over the recipient', async () => {
    const early = await t.request('POST', '/api/certificates', { cookie: support, body: { assignmentId: ids.assignmentId } });
    expect(early.statusCode).toBe(409);
    expect(early.json().message).toContain('尚未期满结束');
    for (const [status, date] of [['on_duty', '2025-11-24'], ['completed', '2026-11-22']]) {
      const res = await t.request('POST', `/api/assignments/${ids.assignmentId}/status`, { cookie: support, body: { status, date } });
      expect(res.statusCode, res.body).toBe(200);
    }
    expect((await t.request('POST', '/api/certificates', { cookie: await t.login('cx-recipient'), body: { assignmentId: ids.assignmentId } })).statusCode).toBe(403);
    const res = await t.request('POST', '/api/certificates', { cookie: support, body: { assignmentId: ids.assignmentId } });
    expect(res.statusCode, res.body).toBe(201);
    certificate = res.json();
    expect(res.json()).toMatchObject({
      number: 'CX-ZM-2026-0001', issuedOn: '2026-11-23', issuerOrg: { name: '云南省第一人民医院' }, issuedBy: 'cx-support',
      person: { name: '李医生', gender: 'female', title: '主治医师' }, supportOrg: { name: '云南省第一人民医院' }, recipientOrg: { name: '武定县人民医院' },
      department: '儿科', period: { start: '2025-11-24', end: '2026-11-22' }, onSite: { ruleId: 'on-site.working-days', done: 3, required: 240 }, appraisalGrade: 'excellent',
    });
    const again = await t.request('POST', '/api/certificates', { cookie: await t.login('cx-office'), body: { assignmentId: ids.assignmentId } });
    expect(again.statusCode).toBe(409);
    expect(again.json().message).toContain('CX-ZM-2026-0001');
  });

  it('prints the person, units, period, on-site days and grade under its number', async () => {
    const res = await t.request('GET', `/api/certificates/${certificate.id}/pdf`, { cookie: await t.login('cx-staff') });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const text = (await pdfText(res.rawPayload)).replace(/\s+/g, '');
    for (const words of ['对口支援工作经历证明', '编号：CX-ZM-2026-0001', '兹证明李医生（女，主治医师）', '云南省第一人民医院派出', '2025-11-24至2026-11-22', '武定县人民医院儿科',
      '累计在岗3个工作日（政策要求不少于240个工作日）', '年度鉴定结果：优秀', '特此证明', '2026年11月23日']) expect(text, words).toContain(words);
  });

  it('verifies by its number within the caller\'s scope', async () => {
    const mine = await t.request('GET', '/api/certificates/verify?number=CX-ZM-2026-0001', { cookie: await t.login('cx-staff') });
    expect(mine.statusCode, mine.body).toBe(200);
    expect(mine.json()).toMatchObject({ kind: 'service', valid: true, holderName: '李医生', certificate: { id: certificate.id } });
    expect((await t.request('GET', '/api/certificates/verify?number=CX-ZM-2026-0002', { cookie: support })).statusCode).toBe(404);
    expect((await t.request('GET', '/api/certificates/verify?number=12345', { cookie: support })).json().field).toBe('number');
    const my = await t.login('my-office');
    expect((await t.request('GET', '/api/certificates/verify?number=CX-ZM-2026-0001', { cookie: my })).statusCode).toBe(404);
    expect((await t.request('GET', `/api/certificates/${certificate.id}`, { cookie: my })).statusCode).toBe(404);
    expect((await t.request('GET', '/api/certificates', { cookie: my })).json().total).toBe(0);
    expect((await t.request('GET', `/api/certificates?assignmentId=${ids.assignmentId}`, { cookie: support })).json().total).toBe(1);
    const audit = (await t.request('GET', '/api/audit-events?entityType=certificate', { cookie: await t.login('admin') })).json();
    expect(audit.total).toBe(1);
  });
});
