import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatchCxStaff } from '../../test/dispatch.fixture.js';
import { pdfText } from '../../test/pdf.fixture.js';
import { dispatchMyStaff } from '../../test/results.fixture.js';
import { createTestApp, testDatabases, type TestApp } from '../../test/test-app.js';

const apprentice = (name: string, department: string) => ({ name, specialtyTitle: `${department} 住院医师`, department, learningSpecialty: department, learningGoal: '掌握常见病诊疗与急危重症识别转诊' });

// The test clock stands at 2026-11-23. 张医生 of 绵阳市中心医院 (市属: 1 带 4) stays at 平武县人民医院 in segments, 2025–2026.
describe.each(testDatabases())('mentorship (师带徒) on %s', (kind) => {
  let t: TestApp;
  let my: Awaited<ReturnType<typeof dispatchMyStaff>>;
  let support: string;
  let recipient: string;
  let staff: string;
  let m2025: { id: string; apprentices: { id: string; name: string }[] };
  let m2026: { id: string; apprentices: { id: string; name: string }[] };
  const verdicts = async (cookie: string) => {
    const res = await t.request('GET', `/api/mentorships/verdicts?pairingId=${my.pairingId}&supportOrgId=${my.supportOrgId}`, { cookie });
    expect(res.statusCode, res.body).toBe(200);
    return res.json().items[0] as { verdicts: { ruleId: string; status: string; figures: Record<string, unknown>; explanation: string }[]; mentors: unknown[]; supportOrgLevel: string };
  };

  beforeAll(async () => {
    t = await createTestApp(kind);
    my = await dispatchMyStaff(t, { start: '2025-01-06', end: '2026-12-31' });
    [support, recipient, staff] = await Promise.all([t.login('my-support'), t.login('my-recipient'), t.login('my-staff')]);
  });
  afterAll(async () => { await t?.close(); });

  it('the recipient records its main departments; coverage is unknown until then', async () => {
    expect((await verdicts(support)).verdicts.find((v) => v.ruleId === 'mentorship.coverage')!.status).toBe('unknown');
    const get = (await t.request('GET', `/api/recipient-departments/${my.recipientOrgId}`, { cookie: recipient })).json();
    expect(get).toMatchObject({ departments: null, canEdit: true });
    expect(get.suggestions).toContain('ICU');
    expect((await t.request('PUT', `/api/recipient-departments/${my.recipientOrgId}`, { cookie: support, body: { departments: ['内科'] } })).statusCode).toBe(403);
    const put = await t.request('PUT', `/api/recipient-departments/${my.recipientOrgId}`, { cookie: recipient, body: { departments: ['内科', '外科', '儿科', '急诊科'] } });
    expect(put.json()).toMatchObject({ departments: ['内科', '外科', '儿科', '急诊科'], updatedBy: 'my-recipient' });
  });

  it('checks the ratio of a municipal unit\'s mentor: 1 带 4 each year', async () => {
    const res = await t.request('POST', '/api/mentorships', { cookie: support, body: {
      assignmentId: my.assignmentId, year: 2025, signedOn: '2025-03-01', plan: '每周教学查房一次',
      apprentices: [apprentice('赵一', '内科'), apprentice('钱二', '内科'), apprentice('孙三', '外科'), apprentice('李四', '外科')],
    } });
    expect(res.statusCode, res.body).toBe(201);
    m2025 = res.json();
    expect(res.json()).toMatchObject({ year: 2025, mentorSpecialtyTitle: '急诊科 主治医师', canEdit: true, canAssess: true, assignment: { personName: '张医生' } });
    // The mentor himself records the 2026 agreement (his current assignment), with a 2025 apprentice again.
    const mine = await t.request('POST', '/api/mentorships', { cookie: staff, body: { year: 2026, signedOn: '2026-02-15', apprentices: [apprentice('赵一', '内科'), apprentice('周五', '儿科'), apprentice('吴六', '儿科')] } });
    expect(mine.statusCode, mine.body).toBe(201);
    m2026 = mine.json();
    expect(mine.json()).toMatchObject({ canEdit: true, canAssess: false });
    expect((await t.request('POST', '/api/mentorships', { cookie: staff, body: { year: 2026, apprentices: [apprentice('x', '内科')] } })).statusCode).toBe(409);
    expect((await t.request('POST', '/api/mentorships', { cookie: staff, body: { year: 2027, apprentices: [apprentice('x', '内科')] } })).json().field).toBe('year');

    const v = await verdicts(await t.login('my-office'));
    expect(v.supportOrgLevel).toBe('municipal');
    const ratio = v.verdicts.filter((x) => x.ruleId === 'mentorship.ratio').map((x) => [x.figures.year, x.figures.apprentices, x.figures.required, x.status]);
    expect(ratio).toEqual([[2025, 4, 4, 'met'], [2026, 3, 4, 'at_risk']]);
  });

  it('flags an apprentice taught again, and the main departments not yet covered within three years', async () => {
    const v = await verdicts(support);
    const rotation = v.verdicts.find((x) => x.ruleId === 'mentorship.rotation')!;
    expect(rotation).toMatchObject({ status: 'unmet', figures: { repeats: 1 } });
    expect(rotation.explanation).toContain('张医生带教赵一（2025、2026 年）');
    const coverage = v.verdicts.find((x) => x.ruleId === 'mentorship.coverage')!;
    expect(coverage).toMatchObject({ status: 'at_risk', figures: { fromYear: 2025, toYear: 2027, departments: 4, covered: 3, missing: '急诊科' } });
    // Replacing the repeated apprentice with a 4th new one meets the ratio and the rotation.
    const again = m2026.apprentices.find((a) => a.name === '赵一')!;
    await t.request('POST', `/api/mentorships/${m2026.id}/apprentices`, { cookie: staff, body: apprentice('郑七', '急诊科') });
    await t.request('POST', `/api/mentorships/${m2026.id}/apprentices`, { cookie: staff, body: apprentice('王八', '急诊科') });
    expect((await t.request('DELETE', `/api/mentorship-apprentices/${again.id}`, { cookie: staff })).statusCode).toBe(200);
    const after = await verdicts(support);
    expect(after.verdicts.map((x) => x.status)).toEqual(['met', 'met', 'met', 'met']);
  });

  it('certifies apprentices who pass, with a number that prints and verifies', async () => {
    const [zhao, qian] = m2025.apprentices;
    expect((await t.request('POST', `/api/mentorship-apprentices/${zhao!.id}/assessment`, { cookie: staff, body: { result: 'passed', assessedOn: '2025-12-20' } })).statusCode).toBe(403);
    expect((await t.request('POST', `/api/mentorship-apprentices/${zhao!.id}/certificate`, { cookie: support })).statusCode).toBe(409);
    await t.request('POST', `/api/mentorship-apprentices/${zhao!.id}/assessment`, { cookie: recipient, body: { result: 'passed', assessedOn: '2025-12-20', comments: '能独立处理常见病' } });
    await t.request('POST', `/api/mentorship-apprentices/${qian!.id}/assessment`, { cookie: recipient, body: { result: 'failed', assessedOn: '2025-12-20' } });
    expect((await t.request('POST', `/api/mentorship-apprentices/${qian!.id}/certificate`, { cookie: support })).json().message).toContain('考核不合格');
    const issued = await t.request('POST', `/api/mentorship-apprentices/${zhao!.id}/certificate`, { cookie: support });
    expect(issued.statusCode, issued.body).toBe(200);
    const cert = issued.json().apprentices.find((a: { id: string }) => a.id === zhao!.id);
    expect(cert).toMatchObject({ assessmentResult: 'passed', assessedBy: 'my-recipient', certificateNo: 'MY-SD-2026-0001', certificateIssuedOn: '2026-11-23' });
    expect((await t.request('POST', `/api/mentorship-apprentices/${zhao!.id}/certificate`, { cookie: support })).statusCode).toBe(409);
    expect((await t.request('DELETE', `/api/mentorships/${m2025.id}`, { cookie: support })).statusCode).toBe(409);
    const pdf = await t.request('GET', `/api/mentorship-apprentices/${zhao!.id}/certificate.pdf`, { cookie: staff });
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const text = (await pdfText(pdf.rawPayload)).replace(/\s+/g, '');
    for (const words of ['师带徒证书', 'MY-SD-2026-0001', '赵一', '绵阳市中心医院', '张医生', '经考核合格，特发此证', '2026年11月23日']) expect(text, words).toContain(words);
    expect((await t.request('GET', `/api/mentorship-apprentices/${qian!.id}/certificate.pdf`, { cookie: staff })).statusCode).toBe(409);
    const verified = await t.request('GET', '/api/certificates/verify?number=MY-SD-2026-0001', { cookie: await t.login('my-office') });
    expect(verified.json()).toMatchObject({ kind: 'mentorship', valid: true, holderName: '赵一', issuedOn: '2026-11-23' });
    expect((await t.request('GET', '/api/certificates/verify?number=MY-SD-2026-0001', { cookie: await t.login('cx-office') })).statusCode).toBe(404);
  });

  it('exports attachment 4 with its merged headings and one row per apprentice', async () => {
    const res = await t.request('GET', '/api/mentorships/export', { cookie: await t.login('my-office') });
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('附件4')!;
    const row = (r: number) => Array.from({ length: 10 }, (_, i) => ws.getCell(r, i + 1).value);
    expect(ws.getCell('A2').value).toBe('绵阳市对口支援“传帮带”工程“师带徒”信息统计表回执');
    expect(row(3)).toEqual(['支援机构名称', '受援机构名称', '支援人员信息', '支援人员信息', '支援人员信息', '跟学人员信息', '跟学人员信息', '跟学人员信息', '跟学人员信息', '签订师带徒协议时间']);
    expect(row(4)).toEqual(['支援机构名称', '受援机构名称', '姓名', '专业及职称', '带教人数', '姓名', '专业及职称', '跟学专业', '学习目标', '签订师带徒协议时间']);
    expect(ws.getCell('C3').isMerged && ws.getCell('E3').master.address).toBe('C3');
    expect(ws.getCell('A4').master.address).toBe('A3');
    expect(row(5)).toEqual(['绵阳市中心医院', '平武县人民医院', '张医生', '急诊科 主治医师', 4, '赵一', '内科 住院医师', '内科', '掌握常见病诊疗与急危重症识别转诊', '2025-03-01']);
    expect(row(8).slice(5, 8)).toEqual(['李四', '外科 住院医师', '外科']);
    expect(ws.getCell('C8').master.address).toBe('C5');
    expect(row(9).slice(2, 6)).toEqual(['张医生', '急诊科 主治医师', 4, '周五']);
    expect(ws.rowCount).toBe(12);
  });

  it('keeps other regions out; CX has no mentorship rule', async () => {
    const cx = await t.login('cx-office');
    expect((await t.request('GET', '/api/mentorships', { cookie: cx })).json().total).toBe(0);
    expect((await t.request('GET', `/api/mentorships/${m2025.id}`, { cookie: cx })).statusCode).toBe(404);
    expect((await t.request('GET', `/api/mentorship-apprentices/${m2025.apprentices[0]!.id}/certificate.pdf`, { cookie: cx })).statusCode).toBe(404);
    expect((await t.request('GET', `/api/recipient-departments/${my.recipientOrgId}`, { cookie: cx })).statusCode).toBe(404);
    await dispatchCxStaff(t, { start: '2026-03-01', end: '2026-12-31' });
    expect((await t.request('GET', '/api/mentorships/verdicts', { cookie: cx })).json().total).toBe(0);
    const audit = (await t.request('GET', '/api/audit-events?entityType=mentorship', { cookie: await t.login('admin') })).json();
    expect(audit.total).toBe(8); // 2 agreements, 2 apprentices added, 1 removed, 2 assessments, 1 certificate
  });
});
