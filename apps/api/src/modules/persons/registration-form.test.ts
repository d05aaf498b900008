import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import JSZip from 'jszip';
import { assignments } from '@duikou/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, testDatabases, type TestApp } from '../../test/test-app.js';
import { AppError } from '../../core/app-error.js';
import { fitText, registrationFormRows, resumeFontSize } from './registration-form.layout.js';
import { renderRegistrationFormsPdf, resolveCjkFont } from './registration-form.pdf.js';

const run = promisify(execFile);

/** Text and page count of a PDF, through poppler's pdftotext and pdfinfo. */
async function pdfFacts(pdf: Buffer): Promise<{ text: string; pages: number }> {
  const dir = await mkdtemp(path.join(tmpdir(), 'duikou-pdf-'));
  try {
    const file = path.join(dir, 'form.pdf');
    await writeFile(file, pdf);
    const { stdout: text } = await run('pdftotext', ['-layout', file, '-']);
    const { stdout: info } = await run('pdfinfo', [file]);
    return { text, pages: Number(/Pages:\s+(\d+)/.exec(info)?.[1]) };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

const ZHANG = {
  name: '张医生', gender: 'male', birthMonth: '1985-06', ethnicity: '汉族', party: '中共党员', education: 'bachelor', degree: '学士',
  workStartDate: '2008-07-01', school: '四川大学华西医学院', graduationDate: '2008-06-30', post: '科副主任', title: '主治医师', titleLevel: 'intermediate',
  specialty: '急诊科', specialtySince: '2010-03-01', idNumber: '510727198506150036', mobile: '13812345678', officePhone: '0816-2222333', qqWechat: 'zhangys1985',
  resume: '2004.09—2008.06 四川大学华西医学院临床医学专业学习\n2008.07—今 绵阳市中心医院急诊科', recommendedForLeadership: true, recommendedPost: '急诊科副主任',
  employerOpinion: '同意推荐',
};

describe('registration form layout', () => {
  it('keeps a long résumé on the page: smaller type first, then a continuation', () => {
    expect(resumeFontSize('短简历', 400, 220)).toBe(10.5);
    const long = '2004.09—2008.06 四川大学华西医学院临床医学专业学习；\n'.repeat(60);
    const size = resumeFontSize(long, 400, 220);
    const { head, rest } = fitText(long, 400, 220, size);
    expect(head.length + rest.length).toBeGreaterThanOrEqual(long.trim().length - 2);
    expect(rest.length).toBeGreaterThan(0);
  });

  it('answers 503 in Chinese when the CJK font file is missing', async () => {
    const rows = registrationFormRows({ ...ZHANG, id: 'x', employerOrgId: 'x', employerOrgName: '绵阳市中心医院', idNumberMasked: '', mobileMasked: '', officePhoneMasked: null, archived: false } as never,
      { idNumber: ZHANG.idNumber, mobile: ZHANG.mobile, officePhone: null });
    const err = await renderRegistrationFormsPdf([{ name: '张医生', rows }], '/nonexistent/NotoSansCJK-Regular.ttc').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).status).toBe(503);
    expect((err as AppError).code).toBe('UNAVAILABLE');
    expect((err as AppError).message).toContain('字体');
  });

  it('picks the Simplified Chinese face of the Noto CJK collection', () => {
    const f = resolveCjkFont('/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc');
    expect(f.normal.face).toBe('NotoSansCJKsc-Regular');
    expect(f.bold.face).toBe('NotoSansCJKsc-Bold');
    expect(resolveCjkFont('/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc#NotoSansCJKtc-Regular').normal.face).toBe('NotoSansCJKtc-Regular');
  });
});

describe.each(testDatabases())('registration form (MY 附件2) on %s', (kind) => {
  let t: TestApp;
  let support: string;
  let personId: string;
  let secondId: string;

  beforeAll(async () => {
    t = await createTestApp(kind);
    support = await t.login('my-support');
    const employer = (await t.request('GET', '/api/auth/me', { cookie: support })).json().org.id;
    personId = (await t.request('POST', '/api/persons', { cookie: support, body: { ...ZHANG, employerOrgId: employer } })).json().id;
    secondId = (await t.request('POST', '/api/persons', {
      cookie: support,
      body: { ...ZHANG, name: '刘医生', idNumber: '53232919800301002X', gender: 'female', birthMonth: '1980-03', mobile: '13900001111', employerOrgId: employer },
    })).json().id;
  });
  afterAll(async () => { await t?.close(); });

  it('prints one A4 page as PDF with the full ID number and phones', async () => {
    const res = await t.request('GET', `/api/persons/${personId}/registration-form?format=pdf`, { cookie: support });
    expect(res.statusCode, res.body.slice(0, 200)).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['cache-control']).toBe('no-store');
    expect(String(res.headers['content-disposition'])).toContain(encodeURIComponent('对口支援人员报名表-张医生.pdf'));
    const { text, pages } = await pdfFacts(res.rawPayload);
    expect(pages).toBe(1);
    expect(text).toContain('报名表');
    expect(text).toContain('服务薄弱地区（单位）');
    expect(text).toContain('张医生');
    expect(text).toContain('510727198506150036');
    expect(text).toContain('13812345678');
    expect(text).toContain('0816-2222333');
    expect(text).toContain('绵阳市中心医院');
    expect(text).toContain('急诊科副主任');
    expect(text).toContain('（盖章）');
  });

  it('writes the same form as Word (.docx) with a table', async () => {
    const res = await t.request('GET', `/api/persons/${personId}/registration-form?format=docx`, { cookie: support });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('wordprocessingml');
    const zip = await JSZip.loadAsync(res.rawPayload);
    const xml = await zip.file('word/document.xml')!.async('string');
    expect(xml).toContain('<w:tbl>');
    expect(xml).toContain('张医生');
    expect(xml).toContain('510727198506150036');
    expect(xml).toContain('对口支援人员报名表');
  });

  it('needs person:reveal and audits every export', async () => {
    const recipient = await t.login('my-recipient');
    expect((await t.request('GET', `/api/persons/${personId}/registration-form`, { cookie: recipient })).statusCode).toBe(403);
    expect((await t.request('POST', '/api/persons/registration-forms.pdf', { cookie: recipient, body: { ids: [personId] } })).statusCode).toBe(403);
    // Another unit does not see the person at all.
    expect((await t.request('GET', `/api/persons/${personId}/registration-form`, { cookie: await t.login('cx-support') })).statusCode).toBe(404);
    const audit = (await t.request('GET', `/api/audit-events?entityType=person&entityId=${personId}&action=export`, { cookie: await t.login('admin') })).json().items;
    expect(audit.length).toBeGreaterThanOrEqual(2);
    expect(audit[0].actorUsername).toBe('my-support');
    expect(audit.map((e: { summary: string }) => e.summary).join('\n')).toMatch(/报名表（PDF/);
    expect(JSON.stringify(audit)).not.toContain('510727198506150036');
  });

  it('prints several persons into one PDF, one page each, all or nothing', async () => {
    const res = await t.request('POST', '/api/persons/registration-forms.pdf', { cookie: support, body: { ids: [personId, secondId] } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const { text, pages } = await pdfFacts(res.rawPayload);
    expect(pages).toBe(2);
    expect(text).toContain('张医生');
    expect(text).toContain('刘医生');
    expect(text).toContain('53232919800301002X');
    const unknown = await t.request('POST', '/api/persons/registration-forms.pdf', { cookie: support, body: { ids: [personId, '00000000-0000-4000-8000-000000000000'] } });
    expect(unknown.statusCode).toBe(404);
    const audit = (await t.request('GET', `/api/audit-events?entityType=person&entityId=${secondId}&action=export`, { cookie: await t.login('admin') })).json().items;
    expect(audit).toHaveLength(1);
    expect((await t.request('POST', '/api/persons/registration-forms.pdf', { cookie: support, body: { ids: [] } })).statusCode).toBe(400);
  });

  it('prints the current assignment as 对口支援单位（科室）; a referenced person is archived, not deleted, and can be restored', async () => {
    const pairing = (await t.request('GET', '/api/pairings?q=平武县人民医院', { cookie: support })).json().items[0];
    const employer = (await t.request('GET', '/api/auth/me', { cookie: support })).json().org.id;
    await t.database.db.insert(assignments).values({
      pairingId: pairing.id, personId, supportOrgId: employer, mode: 'resident', department: '急诊科', plannedStart: '2026-01-05', plannedEnd: '2026-12-31',
    });
    const { text } = await pdfFacts((await t.request('GET', `/api/persons/${personId}/registration-form`, { cookie: support })).rawPayload);
    expect(text).toContain('平武县人民医院（急诊科）');
    expect((await t.request('DELETE', `/api/persons/${personId}`, { cookie: support })).json()).toEqual({ result: 'archived' });
    expect((await t.request('GET', `/api/persons/${personId}`, { cookie: support })).json().archived).toBe(true);
    expect((await t.request('GET', '/api/persons?q=张医生', { cookie: support })).json().total).toBe(0);
    const restored = await t.request('POST', `/api/persons/${personId}/restore`, { cookie: support });
    expect(restored.json().archived).toBe(false);
    expect((await t.request('DELETE', `/api/persons/${secondId}`, { cookie: support })).json()).toEqual({ result: 'deleted' });
    expect((await t.request('GET', `/api/persons/${secondId}`, { cookie: support })).statusCode).toBe(404);
  });
});
