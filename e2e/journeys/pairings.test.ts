import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { ARTIFACTS, launchBrowser, logIn, newContext, screenshot, optionsOf } from '../support/browser.js';
import { startServer, type RunningServer } from '../support/server.js';

/** The columns of 楚卫通〔2018〕43号 附件1, as printed in the notice. */
const CX_HEADERS = ['序号', '支援医院', '受援贫困县县级医院'];
const CX_LAYOUT_LABEL = /楚雄附件1/;
const UNKNOWN_ORG = '不存在的测试医院';

interface Org { id: string; name: string; kind: string; regionCode: string | null; recipientPairings: number; archived: boolean }
interface PairingItem { id: string; recipient: { id: string; name: string }; supportUnits: { id: string; name: string }[] }
interface Programme { id: string; name: string; policyCode: string }
interface List<T> { items: T[]; total: number }

/** Texts of one sheet row (1-based columns). */
function rowTexts(ws: ExcelJS.Worksheet, r: number): string[] {
  const row = ws.getRow(r);
  return Array.from({ length: ws.columnCount }, (_, i) => String(row.getCell(i + 1).text ?? '').trim());
}

function findHeaderRow(ws: ExcelJS.Worksheet): number {
  for (let r = 1; r <= Math.min(ws.rowCount, 10); r++) {
    if (rowTexts(ws, r).slice(0, CX_HEADERS.length).join('|') === CX_HEADERS.join('|')) return r;
  }
  return 0;
}

/** A copy of the exported workbook with rows [序号, 支援医院, 受援贫困县县级医院] appended after its last row. */
async function withAppendedRows(exported: string, target: string, rows: [number, string, string][]): Promise<number[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(exported);
  const ws = wb.worksheets[0]!;
  const numbers: number[] = [];
  let r = ws.rowCount;
  for (const values of rows) {
    r++;
    ws.getRow(r).values = values;
    ws.getRow(r).commit();
    numbers.push(r);
  }
  await wb.xlsx.writeFile(target);
  return numbers;
}

async function api<T>(page: Page, url: string): Promise<T> {
  const res = await page.request.get(url);
  expect(res.ok(), `${url} → ${res.status()}`).toBe(true);
  return (await res.json()) as T;
}

/** Waits until the pairing list shows the given total in its pagination ("共 N 条"). */
async function waitForTotal(page: Page, total: number): Promise<void> {
  await page.locator('.ant-pagination-total-text').filter({ hasText: new RegExp(`^共 ${total} 条$`) }).waitFor();
}

/** A full-page screenshot from the top of the page (after a dialog, the window may be left scrolled). */
async function shot(page: Page, name: string, focus?: Locator): Promise<void> {
  await page.evaluate(() => window.scrollTo(0, 0));
  if (focus) await focus.scrollIntoViewIfNeeded();
  await screenshot(page, name);
}

/** Chooses an option of an antd Select (opened by clicking it). */
async function choose(page: Page, select: Locator, optionText: string): Promise<void> {
  await select.click();
  await (await optionsOf(page, select)).filter({ hasText: optionText }).first().dispatchEvent('click');
}

describe('对口关系：列表、详情、导出与导入（楚雄附件1）', () => {
  let server: RunningServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let exported = '';
  let programme: Programme;
  /** Recipient/support pairs that exist as organisations but are not yet paired, in the order to use them. */
  let unpaired: { recipient: string; support: string }[] = [];

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
    context = await newContext(browser);
    page = await context.newPage();
    await logIn(page, server.url, 'cx-office');
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('lists the 8 Chuxiong pairings and opens one', async () => {
    await page.getByRole('menu').getByRole('link', { name: '对口关系' }).click();
    await page.waitForURL((u) => u.pathname === '/pairings');
    await page.getByRole('heading', { name: '对口关系' }).waitFor();
    await waitForTotal(page, 8);
    expect(await page.locator('.ant-table-tbody tr.ant-table-row').count()).toBe(8);
    for (const name of ['武定县人民医院', '姚安县人民医院', '永仁县中医医院']) await page.getByRole('link', { name }).waitFor();
    const table = await page.locator('.ant-table-tbody').innerText();
    expect(table).toContain('云南省第一人民医院、解放军第401医院');
    expect(table).not.toContain('绵阳');
    await shot(page, 'pairings-01-list');

    await page.getByRole('link', { name: '武定县人民医院' }).click();
    await page.waitForURL((u) => /^\/pairings\/[0-9a-f-]{36}$/.test(u.pathname));
    await page.getByRole('heading', { name: '云南省第一人民医院、解放军第401医院 → 武定县人民医院' }).waitFor();
    const details = page.locator('.ant-descriptions');
    await details.getByText('受援单位', { exact: true }).waitFor();
    const text = await details.innerText();
    expect(text).toContain('2018年三级医院对口帮扶贫困县县级医院');
    expect(text).toContain('武定县');
    expect(text).toContain('每个支援单位每年不少于5人');
    await shot(page, 'pairings-02-detail');

    await page.locator('.dk-page-crumbs').getByRole('link', { name: '对口关系' }).click();
    await page.waitForURL((u) => u.pathname === '/pairings');
    await waitForTotal(page, 8);
  });

  it('exports the 楚雄附件1 table as .xlsx', async () => {
    await page.locator('.dk-page-extra').getByRole('button', { name: /导\s*出/ }).click();
    const dialog = page.getByRole('dialog', { name: '导出对口关系表' });
    await dialog.waitFor();
    await dialog.getByText(CX_LAYOUT_LABEL).click();
    await dialog.getByText(`列：${CX_HEADERS.join(' | ')}`).waitFor();
    await shot(page, 'pairings-03-export-dialog');
    const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: /导出 \.xlsx/ }).click()]);
    // The notice's table title names the file (Chinese, not a generic pairings.xlsx).
    expect(download.suggestedFilename()).toBe('三级医院对口帮扶贫困县县级医院关系调整表.xlsx');
    exported = path.join(ARTIFACTS, 'pairings-export-cx.xlsx');
    await download.saveAs(exported);
    await dialog.waitFor({ state: 'hidden' });
    await page.getByText(/已导出：/).waitFor();

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(exported);
    const ws = wb.worksheets[0]!;
    const headerRow = findHeaderRow(ws);
    expect(headerRow, 'the notice headers 序号 | 支援医院 | 受援贫困县县级医院').toBeGreaterThan(0);
    expect(rowTexts(ws, 1)[0]).toBe('附件1');
    const body: string[][] = [];
    for (let r = headerRow + 1; r <= ws.rowCount; r++) body.push(rowTexts(ws, r));
    const recipients = new Set(body.map((row) => row[2]));
    const supports = new Set(body.map((row) => row[1]));
    expect(recipients.has('武定县人民医院')).toBe(true);
    expect(recipients.size).toBe(8);
    expect(supports.has('云南省第一人民医院') && supports.has('解放军第401医院')).toBe(true);
    // 武定县人民医院 has two support hospitals: two rows under one merged 序号/受援 cell.
    expect(body.filter((row) => row[2] === '武定县人民医院').map((row) => row[1]).sort()).toEqual(['云南省第一人民医院', '解放军第401医院'].sort());
  });

  it('imports a new pairing from the exported table plus one row', async () => {
    // Choose organisations that exist in cx-office's view but are not paired with each other yet.
    const orgs = await api<List<Org>>(page, `${server.url}/api/organisations?pageSize=200`);
    const pairings = await api<List<PairingItem>>(page, `${server.url}/api/pairings?pageSize=200`);
    const programmes = await api<List<Programme>>(page, `${server.url}/api/programmes?pageSize=100`);
    programme = programmes.items.find((p) => p.policyCode === 'CX')!;
    expect(programme).toBeDefined();
    const usable = (o: Org) => !o.archived && o.kind !== 'health_office' && o.kind !== 'platform';
    const paired = new Set(pairings.items.map((p) => `${p.recipient.id}|${p.supportUnits.map((s) => s.id).sort().join(',')}`));
    const recipients = orgs.items.filter((o) => usable(o) && o.regionCode?.startsWith('5323')).sort((a, b) => a.recipientPairings - b.recipientPairings);
    const supports = orgs.items.filter((o) => usable(o) && !o.regionCode?.startsWith('5323'));
    for (const r of recipients) for (const s of supports) if (!paired.has(`${r.id}|${s.id}`)) unpaired.push({ recipient: r.name, support: s.name });
    expect(unpaired.length).toBeGreaterThanOrEqual(2);
    // Prefer recipients with no pairing at all, and two different recipients for the two imports.
    const first = unpaired[0]!;
    const second = unpaired.find((u) => u.recipient !== first.recipient) ?? unpaired[1]!;
    unpaired = [first, second];

    const file = path.join(ARTIFACTS, 'pairings-import-new.xlsx');
    await withAppendedRows(exported, file, [[9, first.support, first.recipient]]);

    await page.locator('.dk-page-extra').getByRole('button', { name: /导\s*入/ }).click();
    const dialog = page.getByRole('dialog', { name: '导入对口关系表' });
    await dialog.waitFor();
    await choose(page, dialog.getByLabel('导入到项目'), programme.name);
    await dialog.getByText(CX_LAYOUT_LABEL).click();
    await dialog.getByText(`表头须为：${CX_HEADERS.join(' | ')}`).waitFor();
    await dialog.locator('input[type=file]').setInputFiles(file);
    await dialog.getByText('pairings-import-new.xlsx').waitFor();
    await shot(page, 'pairings-04-import-dialog');
    await dialog.getByRole('button', { name: '开始导入' }).click();
    await dialog.getByText('导入成功').waitFor();
    expect(await dialog.innerText()).toContain('共读取 9 行：新建 1 个对口关系，更新 8 个。');
    await shot(page, 'pairings-05-import-success');
    await dialog.getByRole('button', { name: /完\s*成/ }).click();
    await dialog.waitFor({ state: 'hidden' });

    await waitForTotal(page, 9);
    const row = page.locator('.ant-table-tbody tr.ant-table-row').filter({ has: page.getByRole('link', { name: first.recipient, exact: true }) }).filter({ hasText: first.support });
    await row.waitFor();
    expect(await row.innerText()).toContain(programme.name);
    await shot(page, 'pairings-06-list-after-import');
  });

  it('rejects a table with an unknown organisation, lists the bad cell and writes nothing', async () => {
    const second = unpaired[1]!;
    const file = path.join(ARTIFACTS, 'pairings-import-bad.xlsx');
    // A valid new row followed by a bad one: the valid row must not be written either.
    const [, badRow] = await withAppendedRows(exported, file, [[9, second.support, second.recipient], [10, '云南省第一人民医院', UNKNOWN_ORG]]);

    await page.locator('.dk-page-extra').getByRole('button', { name: /导\s*入/ }).click();
    const dialog = page.getByRole('dialog', { name: '导入对口关系表' });
    await dialog.waitFor();
    await choose(page, dialog.getByLabel('导入到项目'), programme.name);
    await dialog.getByText(CX_LAYOUT_LABEL).click();
    await dialog.locator('input[type=file]').setInputFiles(file);
    await dialog.getByText('pairings-import-bad.xlsx').waitFor();
    await dialog.getByRole('button', { name: '开始导入' }).click();

    await dialog.getByText('发现 1 处错误，未写入任何数据').waitFor();
    const errorRows = dialog.locator('.ant-table-tbody tr.ant-table-row');
    expect(await errorRows.count()).toBe(1);
    const cells = await errorRows.first().locator('td').allInnerTexts();
    expect(cells[0]).toBe(String(badRow));
    expect(cells[1]).toBe('受援贫困县县级医院');
    expect(cells[2]).toContain(`机构「${UNKNOWN_ORG}」不存在`);
    await shot(page, 'pairings-07-import-errors', errorRows.first());
    await dialog.getByRole('button', { name: /取\s*消/ }).click();
    await dialog.waitFor({ state: 'hidden' });

    // Nothing written: still 9 pairings, and the valid row of the rejected file is not among them.
    await page.reload();
    await waitForTotal(page, 9);
    const list = await api<List<PairingItem>>(page, `${server.url}/api/pairings?pageSize=200`);
    expect(list.total).toBe(9);
    expect(list.items.some((p) => p.recipient.name === second.recipient && p.supportUnits.length === 1 && p.supportUnits[0]!.name === second.support)).toBe(false);
    expect(list.items.some((p) => p.recipient.name === UNKNOWN_ORG)).toBe(false);
  });
});
