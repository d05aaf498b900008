import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatchCxStaff } from './dispatch.fixture.js';
import { createTestApp, testDatabases, type TestApp } from './test-app.js';

interface Listed { items: Record<string, unknown>[]; total: number }

/**
 * Walks every GET endpoint of the OpenAPI document as my-office (绵阳) and proves that nothing of
 * Chuxiong (楚雄, Yunnan) comes back: not in lists, not by id, not through filters, not in exports.
 */
describe.each(testDatabases())('data scope on %s', (kind) => {
  let t: TestApp;
  let admin: string;
  let my: string;
  const cx = { regions: [] as string[], organisations: [] as string[], programmes: [] as string[], pairings: [] as string[], names: [] as string[], policies: [] as string[], persons: [] as string[], assignments: [] as string[], leave: [] as string[], recipientOrgId: '', spotChecks: [] as string[], sanctions: [] as string[] };
  /** Chuxiong records of issue 6 (agreements, tasks, activities, mentorship, visits, outcomes, appraisals, certificates), by path segment. */
  const results: Record<string, string[]> = {};

  beforeAll(async () => {
    t = await createTestApp(kind);
    admin = await t.login('admin');
    my = await t.login('my-office');
    const all = async (url: string) => (await t.request('GET', `${url}${url.includes('?') ? '&' : '?'}pageSize=200&includeArchived=true`, { cookie: admin })).json() as Listed;
    const yunnanOrShanghai = (code: unknown) => typeof code === 'string' && (code.startsWith('53') || code.startsWith('31'));
    cx.regions = (await all('/api/regions')).items.map((r) => r.code as string).filter(yunnanOrShanghai);
    const orgs = (await all('/api/organisations')).items.filter((o) => yunnanOrShanghai(o.regionCode));
    cx.organisations = orgs.map((o) => o.id as string);
    cx.names = orgs.map((o) => o.name as string);
    cx.programmes = (await all('/api/programmes?policyCode=CX')).items.map((p) => p.id as string);
    cx.pairings = (await all('/api/pairings')).items.filter((p) => p.policyCode === 'CX').map((p) => p.id as string);
    cx.policies = (await all('/api/policies?code=CX')).items.map((p) => p.id as string);
    const cxSupport = await t.login('cx-support');
    const employer = (await t.request('GET', '/api/auth/me', { cookie: cxSupport })).json().org.id as string;
    const person = await t.request('POST', '/api/persons', { cookie: cxSupport, body: {
      name: '李医生', gender: 'female', birthMonth: '1984-03', education: 'master', workStartDate: '2010-07-01', titleLevel: 'associate_senior',
      title: '副主任医师', specialty: '内科', idNumber: '530102198403120022', mobile: '13987654321', employerOrgId: employer,
    } });
    expect(person.statusCode, person.body).toBe(201);
    cx.persons = [person.json().id as string];
    const dispatched = await dispatchCxStaff(t, { start: '2026-11-02', end: '2026-12-31' });
    cx.persons.push(dispatched.personId);
    cx.assignments = [dispatched.assignmentId];
    cx.recipientOrgId = dispatched.recipientOrgId;
    const leave = await t.request('POST', '/api/leave-requests', { cookie: await t.login('cx-staff'), body: {
      startDate: '2026-11-24', endDate: '2026-11-24', kind: 'sick', reason: '发热', attachment: { name: '证明.pdf', type: 'application/pdf', base64: 'JVBERi0xLjQ=' },
    } });
    expect(leave.statusCode, leave.body).toBe(201);
    cx.leave = [leave.json().id as string];
    const cxOffice = await t.login('cx-office');
    const check = await t.request('POST', '/api/spot-checks', { cookie: cxOffice, body: { method: 'phone', date: '2026-11-20', sample: { kind: 'picked', assignmentIds: cx.assignments } } });
    expect(check.statusCode, check.body).toBe(201);
    cx.spotChecks = [check.json().id as string];
    const sanction = await t.request('POST', '/api/sanctions', { cookie: cxOffice, body: {
      kind: 'notice', date: '2026-11-20', orgIds: [employer], personIds: [dispatched.personId], spotCheckId: cx.spotChecks[0], summary: '抽查不在岗通报',
      document: { name: '通报.pdf', type: 'application/pdf', base64: 'JVBERi0xLjQ=' },
    } });
    expect(sanction.statusCode, sanction.body).toBe(201);
    cx.sanctions = [sanction.json().id as string];
    const cxRecipient = await t.login('cx-recipient');
    const created = async (cookie: string, url: string, body: object) => {
      const res = await t.request('POST', url, { cookie, body });
      expect(res.statusCode, `${url} ${res.body}`).toBe(201);
      return res.json();
    };
    const assignmentId = dispatched.assignmentId;
    results.agreements = [(await created(cxSupport, '/api/agreements', { pairingId: dispatched.pairingId, year: 2026, departments: ['儿科'] })).id];
    results.tasks = [(await created(cxRecipient, '/api/tasks', { assignmentId, year: 2026, title: '儿科带教' })).id];
    results['quarterly-reports'] = [(await created(cxRecipient, '/api/quarterly-reports', { assignmentId, quarter: '2026-Q4', summary: '本季度工作情况' })).id];
    const activity = await created(await t.login('cx-staff'), '/api/activities', { kind: 'teaching_rounds', date: '2026-11-20', participantCount: 5, content: '教学查房', attachments: [{ name: '记录.pdf', type: 'application/pdf', base64: 'JVBERi0xLjQ=' }] });
    results.activities = [activity.id];
    results['activity-attachments'] = [activity.attachments[0].id];
    const mentorship = await created(cxSupport, '/api/mentorships', { assignmentId, year: 2026, apprentices: [{ name: '王医生', specialtyTitle: '儿科 住院医师', learningSpecialty: '儿科', learningGoal: '常见病诊疗' }] });
    results.mentorships = [mentorship.id];
    results['mentorship-apprentices'] = [mentorship.apprentices[0].id];
    results['leadership-visits'] = [(await created(cxSupport, '/api/leadership-visits', { pairingId: dispatched.pairingId, date: '2026-11-10', leaderName: '张院长', ledByLeadership: true, content: '座谈' })).id];
    results.outcomes = [(await created(cxRecipient, '/api/outcomes', { recipientOrgId: cx.recipientOrgId, period: '2026', personsTrained: 3 })).id];
    results.appraisals = [(await created(cxRecipient, '/api/appraisals', { assignmentId, grade: 'qualified' })).id];
    results['recipient-departments'] = [cx.recipientOrgId];
    for (const [status, date] of [['on_duty', '2026-11-02'], ['completed', '2026-11-23']]) {
      expect((await t.request('POST', `/api/assignments/${assignmentId}/status`, { cookie: cxSupport, body: { status, date } })).statusCode).toBe(200);
    }
    results.certificates = [(await created(cxSupport, '/api/certificates', { assignmentId })).id];
    results['statutory-reports'] = [(await created(await t.login('cx-county'), '/api/statutory-reports/generate', { kind: 'quarterly', period: '2026-Q3' })).id];
    expect(cx.policies).toHaveLength(1);
    expect(cx.regions.length).toBeGreaterThan(5);
    expect(cx.organisations.length).toBeGreaterThan(15);
    expect(cx.programmes).toHaveLength(1);
    expect(cx.pairings).toHaveLength(8);
  });
  afterAll(async () => { await t?.close(); });

  const leaks = (body: string): string[] => [...cx.organisations, ...cx.programmes, ...cx.pairings, ...cx.names, '楚雄', '云南'].filter((m) => body.includes(m));

  it('every GET endpoint of the API answers my-office without a Chuxiong record', async () => {
    const doc = (await t.request('GET', '/api/openapi.json')).json() as { paths: Record<string, Record<string, { parameters?: { in: string; name: string; required?: boolean }[] }>> };
    const samples: Record<string, string[]> = { regions: cx.regions, organisations: cx.organisations, programmes: cx.programmes, pairings: cx.pairings, policies: cx.policies, persons: cx.persons,
      assignments: cx.assignments, 'leave-requests': cx.leave, 'spot-checks': cx.spotChecks, sanctions: cx.sanctions, progress: cx.assignments, ...results };
    // The holiday calendar is national reference data, the same for every caller.
    const reference: Record<string, string> = { '/api/calendar/days/{date}': '/api/calendar/days/2024-10-01', '/api/calendar/years/{year}': '/api/calendar/years/2024' };
    let walked = 0;
    for (const [path, ops] of Object.entries(doc.paths)) {
      const op = ops.get;
      if (!op || path === '/api/docs' || path.startsWith('/api/docs/')) continue;
      const required = (op.parameters ?? []).filter((p) => p.in === 'query' && p.required);
      if (required.length) continue; // exports with a required layout are checked below
      const params = path.match(/\{(\w+)\}/g) ?? [];
      if (params.length === 0) {
        const res = await t.request('GET', `${path}?pageSize=200&includeArchived=true`, { cookie: my });
        expect([200, 403], path).toContain(res.statusCode);
        expect(leaks(res.body), path).toEqual([]);
        walked++;
        continue;
      }
      if (path === '/api/attendance/months/{month}') { // a month is no id: name Chuxiong's recipient instead
        const res = await t.request('GET', `/api/attendance/months/2026-11?recipientOrgId=${cx.recipientOrgId}`, { cookie: my });
        expect(res.statusCode, path).toBe(404);
        walked++;
        continue;
      }
      if (reference[path]) {
        expect((await t.request('GET', reference[path], { cookie: my })).statusCode, path).toBe(200);
        walked++;
        continue;
      }
      const kindOf = path.split('/')[2]!;
      const ids = samples[kindOf];
      expect(ids, `no Chuxiong samples for ${path}: add them to this test`).toBeDefined();
      for (const id of ids!) {
        const res = await t.request('GET', path.replace(/\{\w+\}/, id), { cookie: my });
        expect(res.statusCode, `${path} ${id}`).toBe(404);
        expect(res.json().code).toBe('NOT_FOUND');
        walked++;
      }
    }
    expect(walked).toBeGreaterThan(40);
  });

  it('filters naming Chuxiong records return nothing', async () => {
    for (const url of [
      `/api/pairings?programmeId=${cx.programmes[0]}`, '/api/pairings?regionCode=532300', `/api/pairings?orgId=${cx.organisations[0]}`,
      '/api/organisations?regionCode=532300', '/api/regions?parentCode=532300', '/api/pairings?q=楚雄', '/api/organisations?q=武定', '/api/programmes?policyCode=CX',
    ]) {
      const res = await t.request('GET', url, { cookie: my });
      expect(res.statusCode, url).toBe(200);
      expect(res.json().total, url).toBe(0);
    }
  });

  it('writes to Chuxiong records answer 404, as if they did not exist', async () => {
    for (const id of cx.pairings) {
      expect((await t.request('PATCH', `/api/pairings/${id}`, { cookie: my, body: { remarks: 'x' } })).statusCode).toBe(404);
      expect((await t.request('DELETE', `/api/pairings/${id}`, { cookie: my })).statusCode).toBe(404);
    }
    for (const id of cx.organisations.slice(0, 5)) {
      expect((await t.request('PATCH', `/api/organisations/${id}`, { cookie: my, body: { shortName: 'x' } })).statusCode).toBe(404);
      expect((await t.request('DELETE', `/api/organisations/${id}`, { cookie: my })).statusCode).toBe(404);
      expect((await t.request('POST', `/api/organisations/${id}/restore`, { cookie: my })).statusCode).toBe(404);
    }
    expect((await t.request('PATCH', `/api/programmes/${cx.programmes[0]}`, { cookie: my, body: { name: 'x' } })).statusCode).toBe(404);
    expect((await t.request('DELETE', '/api/regions/532329', { cookie: my })).statusCode).toBe(404);
    // Nor can it file a pairing into Chuxiong's programme or for a Chuxiong recipient.
    const myProgramme = (await t.request('GET', '/api/programmes', { cookie: my })).json().items[0].id as string;
    const mySupport = (await t.request('GET', '/api/organisations?q=绵阳市中心医院', { cookie: my })).json().items[0].id as string;
    const intoCx = await t.request('POST', '/api/pairings', { cookie: my, body: { programmeId: cx.programmes[0], recipientOrgId: cx.organisations[0], supportOrgIds: [mySupport] } });
    expect(intoCx.statusCode).toBe(400);
    expect(intoCx.json().field).toBe('programmeId');
    const cxRecipient = await t.request('POST', '/api/pairings', { cookie: my, body: { programmeId: myProgramme, recipientOrgId: cx.organisations.find((_, i) => cx.names[i] === '武定县人民医院'), supportOrgIds: [mySupport] } });
    expect(cxRecipient.statusCode).toBe(400);
    expect(cxRecipient.json().field).toBe('recipientOrgId');
    const after = (await t.request('GET', `/api/pairings?orgId=${mySupport}&pageSize=200`, { cookie: admin })).json() as Listed;
    expect(after.items.every((p) => p.policyCode === 'MY')).toBe(true);
  });

  it('exports in both layouts hold no Chuxiong row for my-office', async () => {
    for (const layout of ['cx', 'my']) {
      const res = await t.request('GET', `/api/pairings/export?layout=${layout}`, { cookie: my });
      expect(res.statusCode).toBe(200);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
      const text: string[] = [];
      wb.worksheets[0]!.eachRow((row) => row.eachCell((c) => text.push(String(c.value))));
      expect(leaks(text.join('|'))).toEqual([]);
      expect(text.join('|')).toContain('平武县人民医院');
    }
  });

  it('a recipient unit sees itself and its pairings only', async () => {
    const unit = await t.login('cx-recipient');
    const pairings = (await t.request('GET', '/api/pairings?pageSize=200', { cookie: unit })).json() as Listed;
    expect(pairings.total).toBe(1);
    expect((pairings.items[0]!.recipient as { name: string }).name).toBe('武定县人民医院');
    const orgs = ((await t.request('GET', '/api/organisations?pageSize=200', { cookie: unit })).json() as Listed).items.map((o) => o.name).sort();
    expect(orgs).toEqual(['云南省第一人民医院', '武定县人民医院', '解放军第401医院'].sort());
    const other = cx.pairings.find((id) => id !== pairings.items[0]!.id)!;
    expect((await t.request('GET', `/api/pairings/${other}`, { cookie: unit })).statusCode).toBe(404);
    expect((await t.request('PATCH', `/api/pairings/${pairings.items[0]!.id}`, { cookie: unit, body: { remarks: 'x' } })).statusCode).toBe(403);
  });

  it('a support unit sees every pairing it supports and nothing else', async () => {
    const unit = await t.login('my-support'); // 绵阳市中心医院 supports 平武县人民医院 and 北川县人民医院
    const names = ((await t.request('GET', '/api/pairings?pageSize=200', { cookie: unit })).json() as Listed).items.map((p) => (p.recipient as { name: string }).name).sort();
    expect(names).toEqual(['北川县人民医院', '平武县人民医院']);
  });

  it('the auditor reads the audit log and nothing else', async () => {
    const auditor = await t.login('auditor');
    for (const url of ['/api/regions', '/api/organisations', '/api/programmes', '/api/pairings', '/api/home/summary']) {
      const res = await t.request('GET', url, { cookie: auditor });
      expect(res.statusCode, url).toBe(403);
      expect(res.json().code).toBe('FORBIDDEN');
    }
    expect((await t.request('GET', '/api/audit-events', { cookie: auditor })).statusCode).toBe(200);
    expect((await t.request('POST', '/api/regions', { cookie: auditor, body: { code: '5107ZZ', name: 'x', level: 'zone', parentCode: '510700' } })).statusCode).toBe(403);
    expect((await t.request('GET', '/api/audit-events', { cookie: my })).statusCode).toBe(403);
  });
});
