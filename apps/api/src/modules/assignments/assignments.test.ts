import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, testDatabases, type TestApp } from '../../test/test-app.js';

/** A valid GB 11643 ID number for a birth date; odd sequence digits are men, even women. */
function idNumber(region: string, birth: string, seq: string): string {
  const body = `${region}${birth.replaceAll('-', '')}${seq}`;
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...body].reduce((s, d, i) => s + Number(d) * weights[i]!, 0);
  return body + '10X98765432'[sum % 11]!;
}

let serial = 100;
function personBody(employerOrgId: string, over: { name: string; education: string; workStartDate: string; titleLevel: string; birth?: string }) {
  const birth = over.birth ?? '1985-04-12';
  serial += 2;
  return {
    name: over.name, gender: 'male', birthMonth: birth.slice(0, 7), education: over.education, workStartDate: over.workStartDate,
    titleLevel: over.titleLevel, title: over.titleLevel === 'associate_senior' ? '副主任医师' : '主治医师', specialty: '内科',
    idNumber: idNumber('530102', birth, String(serial + 1).padStart(3, '0')), mobile: `1391234${String(serial).padStart(4, '0')}`, employerOrgId,
  };
}

describe.each(testDatabases())('assignments on %s', (kind) => {
  let t: TestApp;
  let support: string;
  let office: string;
  let pairingId: string;
  const people: Record<string, string> = {};
  let firstId: string;

  const dispatch = (cookie: string, body: object) => t.request('POST', '/api/assignments', { cookie, body: { pairingId, mode: 'resident', department: '急诊科', ...body } });

  beforeAll(async () => {
    t = await createTestApp(kind);
    support = await t.login('cx-support');
    office = await t.login('cx-office');
    const me = (await t.request('GET', '/api/auth/me', { cookie: support })).json();
    const pairings = (await t.request('GET', '/api/pairings', { cookie: support })).json().items as { id: string; recipient: { name: string } }[];
    pairingId = pairings.find((p) => p.recipient.name === '武定县人民医院')!.id;
    for (const [key, p] of Object.entries({
      senior: { name: '王主任', education: 'bachelor', workStartDate: '2008-07-01', titleLevel: 'associate_senior' },
      young: { name: '赵医生', education: 'bachelor', workStartDate: '2016-07-01', titleLevel: 'junior', birth: '1993-02-03' },
      peer: { name: '钱医生', education: 'master', workStartDate: '2012-07-01', titleLevel: 'associate_senior', birth: '1984-09-09' },
      junior: { name: '孙医生', education: 'master', workStartDate: '2014-07-01', titleLevel: 'intermediate', birth: '1988-11-11' },
    })) {
      const res = await t.request('POST', '/api/persons', { cookie: support, body: personBody(me.org.id, p) });
      expect(res.statusCode, res.body).toBe(201);
      people[key] = res.json().id;
    }
  });
  afterAll(async () => { await t?.close(); });

  it('dispatches an eligible person and flags missing insurance and safety education', async () => {
    const res = await dispatch(support, { personId: people.senior, plannedStart: '2019-03-01', plannedEnd: '2020-02-29', role: 'leader', post: 'vice_president', batch: '第一批' });
    expect(res.statusCode, res.body).toBe(201);
    const a = res.json();
    firstId = a.id;
    expect(a).toMatchObject({ status: 'planned', personName: '王主任', recipientOrgName: '武定县人民医院', supportOrgName: '云南省第一人民医院', post: 'vice_president' });
    expect(a.flags).toEqual(['no_insurance', 'no_safety_education']);
    const byRule = Object.fromEntries(a.verdicts.map((v: { ruleId: string }) => [v.ruleId, v]));
    expect(byRule['eligibility.work-years']).toMatchObject({ status: 'met', ruleLabel: '选派条件：学历与工作年限' });
    expect(byRule.insurance.status).toBe('unmet'); // today (2026) is past the start, and nothing is on record
    expect(byRule.insurance.citation).toContain('楚卫通〔2018〕43号');
    const flagged = (await t.request('GET', '/api/assignments?flag=no_insurance', { cookie: office })).json();
    expect(flagged.items.map((x: { id: string }) => x.id)).toContain(firstId);
    const fixed = await t.request('PATCH', `/api/assignments/${firstId}`, { cookie: support, body: { insurer: '中国人寿', insurancePolicyNo: 'P-2019-001', insuranceFrom: '2019-03-01', insuranceTo: '2020-02-29', safetyEducationDate: '2019-02-25' } });
    expect(fixed.statusCode, fixed.body).toBe(200);
    expect(fixed.json().flags).toEqual([]);
  });

  it('refuses an ineligible person with the rule\'s explanation; only an office may override, with a reason it records', async () => {
    const body = { personId: people.young, plannedStart: '2019-03-01', plannedEnd: '2019-08-31' };
    const refused = await dispatch(support, body);
    expect(refused.statusCode).toBe(422);
    expect(refused.json()).toMatchObject({ code: 'RULE_VIOLATION', field: 'personId' });
    expect(refused.json().message).toContain('工作满 2 年，要求满 5 年');
    const byUnit = await dispatch(support, { ...body, overrideReason: '急需急诊医师' });
    expect(byUnit.statusCode).toBe(403);
    expect(byUnit.json().field).toBe('overrideReason');
    const byOffice = await dispatch(office, { ...body, overrideReason: '受援医院急诊科急需，州卫健委研究同意' });
    expect(byOffice.statusCode, byOffice.body).toBe(201);
    const a = byOffice.json();
    expect(a).toMatchObject({ overrideReason: '受援医院急诊科急需，州卫健委研究同意', overrideBy: 'cx-office' });
    expect(a.flags).toContain('eligibility_override');
    expect(a.eligibilityAtDispatch.find((v: { ruleId: string }) => v.ruleId === 'eligibility.work-years').status).toBe('unmet');
    const audit = (await t.request('GET', `/api/audit-events?entityType=assignment&entityId=${a.id}`, { cookie: await t.login('admin') })).json().items;
    expect(audit[0].summary).toContain('破例派出：受援医院急诊科急需');
  });

  it('offers only the posts the policy allows', async () => {
    const options = (await t.request('GET', `/api/assignments/post-options?pairingId=${pairingId}&personId=${people.junior}&role=member`, { cookie: support })).json();
    expect(options.allowed.map((o: { label: string }) => o.label)).toEqual(['科主任', '科副主任']);
    const res = await dispatch(support, { personId: people.junior, plannedStart: '2019-03-01', plannedEnd: '2019-08-31', post: 'vice_president' });
    expect(res.statusCode).toBe(400);
    expect(res.json().field).toBe('post');
    expect(res.json().message).toMatch(/队长/);
  });

  it('refuses overlapping dispatches of one person and dates outside the order of things', async () => {
    const overlap = await dispatch(support, { personId: people.senior, plannedStart: '2019-06-01', plannedEnd: '2019-12-31' });
    expect(overlap.statusCode).toBe(409);
    expect(overlap.json().field).toBe('plannedStart');
    const backwards = await dispatch(support, { personId: people.junior, plannedStart: '2019-06-01', plannedEnd: '2019-05-31' });
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json().field).toBe('plannedEnd');
  });

  it('moves through its life cycle and links a replacement both ways', async () => {
    expect((await t.request('POST', `/api/assignments/${firstId}/status`, { cookie: support, body: { status: 'completed', date: '2019-03-01' } })).statusCode).toBe(409);
    const onDuty = await t.request('POST', `/api/assignments/${firstId}/status`, { cookie: support, body: { status: 'on_duty', date: '2019-03-02' } });
    expect(onDuty.json()).toMatchObject({ status: 'on_duty', actualStart: '2019-03-02' });
    const lower = await t.request('POST', `/api/assignments/${firstId}/replace`, { cookie: support, body: { personId: people.junior, reason: '身体原因不适应', startDate: '2019-07-01' } });
    expect(lower.statusCode).toBe(400);
    expect(lower.json().message).toContain('低于');
    const res = await t.request('POST', `/api/assignments/${firstId}/replace`, { cookie: support, body: { personId: people.peer, reason: '身体原因不适应', startDate: '2019-07-01' } });
    expect(res.statusCode, res.body).toBe(201);
    const replacement = res.json();
    expect(replacement).toMatchObject({ replacesId: firstId, plannedStart: '2019-07-01', plannedEnd: '2020-02-29', role: 'leader', post: 'vice_president', status: 'planned' });
    const old = (await t.request('GET', `/api/assignments/${firstId}`, { cookie: support })).json();
    expect(old).toMatchObject({ status: 'replaced', replacedById: replacement.id, actualEnd: '2019-06-30', statusReason: '身体原因不适应' });
    expect((await t.request('POST', `/api/assignments/${firstId}/replace`, { cookie: support, body: { personId: people.junior, reason: 'x', startDate: '2019-08-01' } })).statusCode).toBe(409);
  });

  it('counts persons sent per support unit and year against the minimum', async () => {
    const res = await t.request('GET', '/api/staffing?year=2019', { cookie: office });
    expect(res.statusCode, res.body).toBe(200);
    const row = res.json().items.find((r: { recipientOrgName: string; supportOrgName: string }) => r.recipientOrgName === '武定县人民医院' && r.supportOrgName === '云南省第一人民医院');
    // 王主任, 赵医生 (override) and 钱医生 (replacement) were sent in 2019; CX requires 5 a year.
    expect(row).toMatchObject({ required: 5, sent: 3 });
    expect(row.verdict.status).toBe('unmet');
    expect(row.verdict.explanation).toContain('缺 2 人');
    const other = res.json().items.find((r: { supportOrgName: string }) => r.supportOrgName === '解放军第401医院');
    expect(other).toMatchObject({ required: 5, sent: 0 });
  });

  it('keeps assignments in scope: the recipient reads those sent to it, Mianyang sees nothing', async () => {
    const recipient = await t.login('cx-recipient');
    expect((await t.request('GET', '/api/assignments', { cookie: recipient })).json().total).toBe(3);
    expect((await t.request('PATCH', `/api/assignments/${firstId}`, { cookie: recipient, body: { department: 'x' } })).statusCode).toBe(403);
    const my = await t.login('my-office');
    expect((await t.request('GET', '/api/assignments', { cookie: my })).json().total).toBe(0);
    expect((await t.request('GET', `/api/assignments/${firstId}`, { cookie: my })).statusCode).toBe(404);
    expect((await t.request('GET', '/api/staffing?year=2019', { cookie: my })).json().items.every((r: { recipientOrgName: string }) => r.recipientOrgName !== '武定县人民医院')).toBe(true);
    const mySupport = await t.login('my-support');
    const intoCx = await t.request('POST', '/api/assignments', { cookie: mySupport, body: { pairingId, personId: people.senior, mode: 'resident', department: '内科', plannedStart: '2019-03-01', plannedEnd: '2019-06-01' } });
    expect(intoCx.statusCode).toBe(400);
    expect(intoCx.json().field).toBe('pairingId');
  });

  const readSheet = async (body: Buffer) => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(body as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    const rows: string[][] = [];
    ws.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((v) => (v === null || v === undefined ? '' : String(v)))));
    return { name: ws.name, rows };
  };

  it('exports CX attachment 2 with the notice\'s columns, masked phones by default', async () => {
    const res = await t.request('GET', `/api/assignments/export?layout=cx&pairingId=${pairingId}`, { cookie: office });
    expect(res.statusCode).toBe(200);
    const { name, rows } = await readSheet(res.rawPayload);
    expect(name).toBe('附件2');
    expect(rows[1]![0]).toBe('2019 年三级医院对口帮扶下派人员情况统计表');
    expect(rows[2]).toEqual(['序号', '姓名', '性别', '年龄', '职称', '科室及专业', '工作年限', '手机号', '单位名称', '受援医院名称', '帮扶时间（起止时间）']);
    const wang = rows.find((r) => r[1] === '王主任')!;
    // Born 1985-04, on post 2019-03-02: 33 years old; working since 2008-07-01: 10 full years.
    expect(wang).toEqual(['1', '王主任', '男', '33', '副主任医师', '急诊科 / 内科', '10', expect.stringMatching(/^139\*{4}\d{4}$/), '云南省第一人民医院', '武定县人民医院', '2019-03-02 至 2019-06-30']);
    expect(rows).toHaveLength(3 + 3);
  });

  it('exports MY attachment 3 with full phones only for a user who may reveal them, and audits it', async () => {
    const recipient = await t.login('cx-recipient');
    const denied = await t.request('GET', '/api/assignments/export?layout=my&reveal=true', { cookie: recipient });
    expect(denied.statusCode).toBe(403);
    const res = await t.request('GET', '/api/assignments/export?layout=my&reveal=true', { cookie: office });
    expect(res.statusCode).toBe(200);
    const { name, rows } = await readSheet(res.rawPayload);
    expect(name).toBe('附件3');
    expect(rows[1]![0]).toBe('绵阳市对口支援人员信息统计表');
    expect(rows[2]![0]).toContain('填表时间：2026-11-23');
    expect(rows[3]).toEqual(['支援机构名称', '受援机构名称', '姓名', '职称', '性别', '支援起止时间', '联系电话']);
    const qian = rows.find((r) => r[2] === '钱医生')!;
    expect(qian[6]).toMatch(/^1391234\d{4}$/);
    expect(rows.at(-1)![0]).toContain('备注');
    const audit = (await t.request('GET', '/api/audit-events?action=export', { cookie: await t.login('admin') })).json().items;
    expect(audit[0]).toMatchObject({ actorUsername: 'cx-office', entityType: 'assignment' });
    expect(audit[0].summary).toContain('含完整手机号');
  });

  it('writes 科室及专业 once when the receiving department is the person\'s own specialty', async () => {
    const me = (await t.request('GET', '/api/auth/me', { cookie: support })).json();
    const person = await t.request('POST', '/api/persons', { cookie: support, body: personBody(me.org.id, { name: '周医生', education: 'master', workStartDate: '2013-07-01', titleLevel: 'intermediate', birth: '1987-05-06' }) });
    expect(person.statusCode, person.body).toBe(201);
    const res = await dispatch(support, { personId: person.json().id, department: '内科', plannedStart: '2019-09-01', plannedEnd: '2019-12-31' });
    expect(res.statusCode, res.body).toBe(201);
    const { rows } = await readSheet((await t.request('GET', `/api/assignments/export?layout=cx&personId=${person.json().id}`, { cookie: office })).rawPayload);
    expect(rows[3]![1]).toBe('周医生');
    expect(rows[3]![5]).toBe('内科');
  });
});
