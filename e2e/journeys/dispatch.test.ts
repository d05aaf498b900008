import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { ARTIFACTS, launchBrowser, logIn, newContext, screenshot, optionsOf } from '../support/browser.js';
import { startServer, type RunningServer } from '../support/server.js';

/** The columns of 楚卫通〔2018〕43号 附件2 (三级医院对口帮扶下派人员情况统计表), as printed in the notice. */
const CX_ATTACHMENT_2 = ['序号', '姓名', '性别', '年龄', '职称', '科室及专业', '工作年限', '手机号', '单位名称', '受援医院名称', '帮扶时间（起止时间）'];
const RECIPIENT = '永仁县人民医院';
/** A support unit inside Chuxiong prefecture: cx-office may register and send its staff. */
const SUPPORT = '楚雄州人民医院';
const START = '2026-12-01';
/** 一年 from START. */
const END = '2027-11-30';

/** A valid GB 11643 ID number; an odd sequence digit is a man, an even one a woman. */
function makeIdNumber(region: string, birth: string, seq: string): string {
  const body = `${region}${birth.replaceAll('-', '')}${seq}`;
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...body].reduce((s, d, i) => s + Number(d) * weights[i]!, 0);
  return body + '10X98765432'[sum % 11]!;
}

/** Registered through the form: a 主治医师 with a 本科 degree and 16 years of work — eligible under CX. */
const YANG = { name: '杨明远', idNumber: makeIdNumber('532301', '1988-03-15', '031'), mobile: '13987650031', workStart: '2010-07-01', specialty: '急诊科' };
/** Registered through the API: 本科, 无职称, working since 2024 — short of CX's 5 years. */
const LI = { name: '李新蕊', idNumber: makeIdNumber('532301', '1999-08-20', '042'), mobile: '13987650042', workStart: '2024-07-01' };

interface List<T> { items: T[]; total: number }
interface PairingItem { id: string; programmeId: string; recipient: { name: string }; supportUnits: { id: string; name: string }[] }

async function api<T>(page: Page, method: 'get' | 'post' | 'patch', url: string, data?: unknown): Promise<T> {
  const res = await page.request[method](url, data === undefined ? undefined : { data });
  expect(res.ok(), `${method} ${url} → ${res.status()} ${await res.text()}`).toBe(true);
  return (await res.json()) as T;
}

/** Opens an antd Select (typing `search` when given) and picks the first option containing `option`. */
async function choose(page: Page, select: Locator, option: string | RegExp, search?: string): Promise<void> {
  // The option gets its click as an event, not at a pointer position: a dropdown opening near the foot
  // of the modal can still be moving or sit under another field. The field must then show the option.
  const field = select.locator('xpath=ancestor::div[contains(@class, "ant-form-item-control")][1]');
  // A try that left the dropdown open has the next click close it: that try fails fast and the one after opens it.
  for (let attempt = 1; ; attempt++) {
    try {
      await select.click();
      if (search) await select.fill(search);
      await (await optionsOf(page, select, 5000)).filter({ hasText: option }).first().dispatchEvent('click', undefined, { timeout: 5000 });
      await field.filter({ hasText: option }).waitFor({ timeout: 3000 });
      return;
    } catch (e) {
      if (attempt >= 3) throw e;
    }
  }
}

/** Types a date into an antd DatePicker and confirms it. */
async function typeDate(input: Locator, date: string): Promise<void> {
  await input.click();
  await input.fill(date);
  await input.press('Enter');
}

function rowTexts(ws: ExcelJS.Worksheet, r: number): string[] {
  const row = ws.getRow(r);
  return Array.from({ length: ws.columnCount }, (_, i) => String(row.getCell(i + 1).text ?? '').trim());
}

/** A full-page screenshot from the top of the page; with a dialog open, the window as seen. */
async function shot(page: Page, name: string, opts: { dialog?: boolean } = {}): Promise<void> {
  if (opts.dialog) {
    await page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`) });
    return;
  }
  await page.evaluate(() => window.scrollTo(0, 0));
  await screenshot(page, name);
}

/** Fills the dispatch form for `person` under the Yongren pairing, from START for one year. */
async function fillDispatch(page: Page, person: string, department: string): Promise<void> {
  await page.getByRole('heading', { name: '派出人员' }).waitFor();
  await choose(page, page.getByLabel('对口关系'), `${RECIPIENT} ← ${SUPPORT}`, RECIPIENT);
  // The pairing has one support unit: it is chosen by itself.
  await page.locator('.ant-form-item').filter({ hasText: '派出单位' }).getByText(SUPPORT).waitFor();
  await choose(page, page.getByLabel('人员', { exact: true }), person, person);
  await choose(page, page.getByLabel('支援方式'), '驻点派驻');
  await page.getByLabel('受援科室').fill(department);
  await typeDate(page.getByLabel('计划开始日期'), START);
  await page.getByRole('button', { name: /^一\s*年$/ }).click();
  expect(await page.getByLabel('计划结束日期').inputValue()).toBe(END);
}

describe('派出人员：登记人员、按对口关系派出、选派条件不符与破例派出、导出附件2、报名表', () => {
  let server: RunningServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let pairing: PairingItem;
  let yangId = '';

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
    context = await newContext(browser);
    page = await context.newPage();
    await logIn(page, server.url, 'cx-office');
    // The demo's 2018 programme ran to 2020: the office extends it and the pairing so that a dispatch from today fits.
    const pairings = await api<List<PairingItem>>(page, 'get', `${server.url}/api/pairings?pageSize=100`);
    pairing = pairings.items.find((p) => p.recipient.name === RECIPIENT)!;
    expect(pairing.supportUnits.map((s) => s.name)).toEqual([SUPPORT]);
    await api(page, 'patch', `${server.url}/api/programmes/${pairing.programmeId}`, { validTo: '2027-12-31' });
    await api(page, 'patch', `${server.url}/api/pairings/${pairing.id}`, { validTo: '2027-12-31' });
    await api(page, 'post', `${server.url}/api/persons`, {
      name: LI.name, gender: 'female', birthMonth: '1999-08', education: 'bachelor', workStartDate: LI.workStart, titleLevel: 'none',
      specialty: '内科', idNumber: LI.idNumber, mobile: LI.mobile, employerOrgId: pairing.supportUnits[0]!.id,
    });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('registers a person through the people form; the list shows the ID number and phone masked', async () => {
    await page.getByRole('menu').getByRole('link', { name: '人员', exact: true }).click();
    await page.waitForURL((u) => u.pathname === '/persons');
    await page.getByRole('heading', { name: '人员' }).waitFor();
    await page.getByRole('button', { name: '登记人员' }).click();
    const dialog = page.getByRole('dialog', { name: '登记人员（附件2 报名表）' });
    await dialog.waitFor();

    // A wrong check digit is refused on the field before anything is sent.
    const wrong = YANG.idNumber.slice(0, 17) + (YANG.idNumber.endsWith('1') ? '2' : '1');
    await dialog.getByLabel('身份证号').fill(wrong);
    await dialog.getByLabel('姓名').click();
    await dialog.locator('.ant-form-item-explain-error').filter({ hasText: '校验位' }).waitFor();

    await dialog.getByLabel('姓名').fill(YANG.name);
    await dialog.getByLabel('身份证号').fill(YANG.idNumber);
    // The ID number fills in gender and birth month.
    await expect.poll(() => dialog.getByLabel('出生年月').inputValue()).toBe('1988-03');
    expect(await dialog.getByRole('radio', { name: '男' }).isChecked()).toBe(true);
    await dialog.getByLabel('民族').fill('彝族');
    await choose(page, dialog.getByLabel('学历'), '本科');
    await dialog.getByLabel('学位').fill('学士');
    await typeDate(dialog.getByLabel('参工时间'), YANG.workStart);
    await choose(page, dialog.getByLabel('工作单位'), SUPPORT, SUPPORT);
    await dialog.getByLabel('职称', { exact: true }).fill('主治医师');
    await choose(page, dialog.getByLabel('职称级别'), '中级');
    await dialog.getByLabel('科室及专业').fill(YANG.specialty);
    // A mobile number that is not a mainland one is refused, naming the field.
    await dialog.getByLabel('手机号').fill('12987650031');
    await dialog.getByLabel('QQ/微信').click();
    await dialog.locator('.ant-form-item-explain-error').filter({ hasText: '手机号应为 11 位大陆手机号' }).waitFor();
    await dialog.getByLabel('手机号').fill(YANG.mobile);
    await shot(page, 'dispatch-01-register-form', { dialog: true });
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByText(`已登记人员「${YANG.name}」`).waitFor();

    await page.getByPlaceholder('姓名、科室或单位').fill(YANG.name);
    await page.getByPlaceholder('姓名、科室或单位').press('Enter');
    const row = page.locator('.ant-table-tbody tr.ant-table-row').filter({ hasText: YANG.name });
    await row.waitFor();
    await page.locator('.ant-pagination-total-text').filter({ hasText: /^共 1 条$/ }).waitFor();
    const text = await row.innerText();
    expect(text).toContain(SUPPORT);
    expect(text).toContain(`${YANG.idNumber.slice(0, 3)}***********${YANG.idNumber.slice(-4)}`);
    expect(text).toContain(`${YANG.mobile.slice(0, 3)}****${YANG.mobile.slice(-4)}`);
    expect(text).not.toContain(YANG.idNumber);
    expect(text).not.toContain(YANG.mobile);
    expect(await page.locator('body').innerText()).not.toContain(YANG.idNumber);
    await shot(page, 'dispatch-02-person-list-masked');
    yangId = /\/persons\/([0-9a-f-]{36})/.exec((await row.getByRole('link', { name: YANG.name }).getAttribute('href'))!)![1]!;
  });

  it('downloads the person\'s MY attachment 2 registration form as PDF', async () => {
    await page.locator('.ant-table-tbody').getByRole('link', { name: YANG.name }).click();
    await page.waitForURL((u) => u.pathname === `/persons/${yangId}`);
    await page.getByRole('heading', { name: YANG.name }).waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '报名表 PDF' }).click()]);
    expect(download.suggestedFilename()).toMatch(/\.pdf$/);
    expect(download.suggestedFilename()).toContain(YANG.name);
    const file = path.join(ARTIFACTS, 'dispatch-registration-form.pdf');
    await download.saveAs(file);
    expect(readFileSync(file).subarray(0, 5).toString()).toBe('%PDF-');
    // The filed form carries the plain identifiers (the download is audited).
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    expect(text).toContain('对口支援人员报名表');
    expect(text).toContain(YANG.name);
    expect(text).toContain(YANG.idNumber);
    expect(text).toContain(YANG.mobile);
    await page.getByText(/已下载 .*报名表/).waitFor();
    await shot(page, 'dispatch-03-person-detail');
  });

  it('dispatches the new person under the pairing and finds the assignment in the list', async () => {
    await page.getByRole('menu').getByRole('link', { name: '派驻', exact: true }).click();
    await page.waitForURL((u) => u.pathname === '/assignments');
    await page.getByRole('button', { name: '派出人员' }).click();
    await page.waitForURL((u) => u.pathname === '/assignments/new');
    await fillDispatch(page, YANG.name, '急诊科');
    // The posts the policy offers a 中级 member are listed with the rule saying why.
    await page.getByText('任职规则（说明为何只能担任上述职务）：').waitFor();
    await shot(page, 'dispatch-04-form');
    await page.getByRole('button', { name: '核验并派出' }).click();

    await page.waitForURL((u) => /^\/assignments\/[0-9a-f-]{36}$/.test(u.pathname));
    await page.getByRole('heading', { name: `${YANG.name} → ${RECIPIENT}` }).waitFor();
    await page.getByText(`已派出「${YANG.name}」到「${RECIPIENT}」`).waitFor();
    const info = await page.locator('.ant-descriptions').first().innerText();
    expect(info).toContain(SUPPORT);
    expect(info).toContain(`${START} 至 ${END}`);
    await shot(page, 'dispatch-05-detail');

    await page.locator('.dk-page-crumbs').getByRole('link', { name: '派驻' }).click();
    await page.waitForURL((u) => u.pathname === '/assignments');
    const row = page.locator('.ant-table-tbody tr.ant-table-row').filter({ hasText: YANG.name });
    await row.waitFor();
    const text = await row.innerText();
    expect(text).toContain(RECIPIENT);
    expect(text).toContain('急诊科');
    expect(text).toContain('驻点派驻');
    expect(text).toContain(START);
    expect(text).toContain('计划派出');
    await shot(page, 'dispatch-06-list');
  });

  it('refuses an ineligible person with the rule\'s explanation; the office may send them anyway with a reason', async () => {
    await page.goto(`${server.url}/assignments/new?pairingId=${pairing.id}`);
    await fillDispatch(page, LI.name, '内科');
    await page.getByRole('button', { name: '核验并派出' }).click();

    const refusal = page.getByRole('alert', { name: '不符合选派条件' });
    await refusal.waitFor();
    // The 422 carries the sentence; the figures come from the rules engine a moment later.
    await expect.poll(() => refusal.innerText()).toContain(`参加工作时间：${LI.workStart}`);
    const text = await refusal.innerText();
    expect(text).toContain('不符合选派条件，不能派出');
    // The verdict of 选派条件：学历与工作年限, its figures and citation.
    expect(text).toContain(`本科学历，参工时间 ${LI.workStart}`);
    expect(text).toContain('工作年限：2');
    expect(text).toMatch(/工作满 2 年，要求满 5 年，不符合/);
    expect(text).toContain('楚卫通〔2018〕43号');
    expect(page.url()).toContain('/assignments/new');
    // As an office: 破例派出 asks for a reason first.
    await refusal.getByText('破例派出理由').waitFor();
    await refusal.getByRole('button', { name: '破例派出' }).click();
    await refusal.getByText('请填写破例派出理由').waitFor();
    await shot(page, 'dispatch-07-refusal');

    await refusal.getByLabel('破例派出理由').fill('永仁县人民医院内科人员紧缺，经州卫健委研究同意破例选派');
    await refusal.getByRole('button', { name: '破例派出' }).click();
    await page.waitForURL((u) => /^\/assignments\/[0-9a-f-]{36}$/.test(u.pathname));
    await page.getByText(`已破例派出「${LI.name}」`).waitFor();
    await page.getByRole('heading', { name: `${LI.name} → ${RECIPIENT}` }).waitFor();
    expect(await page.locator('body').innerText()).toContain('破例派出');

    await page.goto(`${server.url}/assignments?flag=eligibility_override`);
    const row = page.locator('.ant-table-tbody tr.ant-table-row').filter({ hasText: LI.name });
    await row.waitFor();
    expect(await row.innerText()).toContain('破例派出');
    expect(await page.locator('.ant-table-tbody tr.ant-table-row').count()).toBe(1);
  });

  it('a support unit sees the same refusal but cannot override it', async () => {
    const unit = await newContext(browser);
    try {
      const p = await unit.newPage();
      await logIn(p, server.url, 'cx-support');
      const me = await api<{ org: { id: string } }>(p, 'get', `${server.url}/api/auth/me`);
      const wuding = (await api<List<PairingItem>>(p, 'get', `${server.url}/api/pairings?pageSize=100`)).items.find((x) => x.recipient.name === '武定县人民医院')!;
      await api(page, 'patch', `${server.url}/api/pairings/${wuding.id}`, { validTo: '2027-12-31' });
      const junior = { name: '周小禾', idNumber: makeIdNumber('530102', '2000-01-09', '062') };
      await api(p, 'post', `${server.url}/api/persons`, {
        name: junior.name, gender: 'female', birthMonth: '2000-01', education: 'bachelor', workStartDate: '2025-07-01', titleLevel: 'none',
        idNumber: junior.idNumber, mobile: '13987650062', employerOrgId: me.org.id,
      });
      await p.goto(`${server.url}/assignments/new?pairingId=${wuding.id}`);
      await p.getByRole('heading', { name: '派出人员' }).waitFor();
      // cx-support's own unit is chosen by itself among the pairing's two support units.
      await p.locator('.ant-form-item').filter({ hasText: '派出单位' }).getByText('云南省第一人民医院').waitFor();
      await choose(p, p.getByLabel('人员', { exact: true }), junior.name, junior.name);
      await choose(p, p.getByLabel('支援方式'), '驻点派驻');
      await p.getByLabel('受援科室').fill('儿科');
      await typeDate(p.getByLabel('计划开始日期'), START);
      await p.getByRole('button', { name: /^一\s*年$/ }).click();
      await p.getByRole('button', { name: '核验并派出' }).click();
      const refusal = p.getByRole('alert', { name: '不符合选派条件' });
      await refusal.waitFor();
      expect(await refusal.innerText()).toMatch(/工作满 1 年，要求满 5 年，不符合/);
      await refusal.getByText('须由卫生健康行政部门说明理由后破例派出').waitFor();
      expect(await refusal.getByRole('button', { name: '破例派出' }).count()).toBe(0);
      await shot(p, 'dispatch-08-refusal-support-unit');
    } finally {
      await unit.close();
    }
  });

  it('exports CX attachment 2 (.xlsx) with the notice\'s headers and the new person\'s row', async () => {
    await page.goto(`${server.url}/assignments?q=${encodeURIComponent(YANG.name)}`);
    await page.locator('.ant-table-tbody tr.ant-table-row').filter({ hasText: YANG.name }).waitFor();
    await page.locator('.dk-page-extra').getByRole('button', { name: '导出统计表' }).click();
    const dialog = page.getByRole('dialog', { name: '导出人员统计表' });
    await dialog.waitFor();
    await dialog.getByText('楚雄附件2：三级医院对口帮扶下派人员情况统计表').click();
    await dialog.getByText(`列：${CX_ATTACHMENT_2.join(' | ')}`).waitFor();
    await dialog.getByText('按列表当前的搜索和筛选条件导出').waitFor();
    await shot(page, 'dispatch-09-export-dialog', { dialog: true });
    const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: /导出 \.xlsx/ }).click()]);
    expect(download.suggestedFilename()).toMatch(/^附件2-下派人员情况统计表-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const file = path.join(ARTIFACTS, 'dispatch-export-cx-attachment-2.xlsx');
    await download.saveAs(file);
    await dialog.waitFor({ state: 'hidden' });

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const ws = wb.worksheets[0]!;
    expect(ws.name).toBe('附件2');
    expect(rowTexts(ws, 1)[0]).toBe('附件2');
    expect(rowTexts(ws, 2)[0]).toBe('2026 年三级医院对口帮扶下派人员情况统计表');
    expect(rowTexts(ws, 3)).toEqual(CX_ATTACHMENT_2);
    expect(ws.rowCount).toBe(4);
    // Born 1988-03, on post from 2026-12-01: 38; working since 2010-07-01: 16 full years; the phone masked by default.
    expect(rowTexts(ws, 4)).toEqual([
      '1', YANG.name, '男', '38', '主治医师', '急诊科', '16', `${YANG.mobile.slice(0, 3)}****${YANG.mobile.slice(-4)}`, SUPPORT, RECIPIENT, `${START} 至 ${END}`,
    ]);
  });
});
