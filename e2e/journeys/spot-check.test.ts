import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { request as playwrightRequest, type APIRequestContext, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { ARTIFACTS, launchBrowser, logIn, newContext, screenshot, optionsOf } from '../support/browser.js';
import { DEMO_PASSWORD, startServer, type RunningServer } from '../support/server.js';

interface PairingItem { id: string; recipient: { id: string; name: string } }

/** A valid GB 11643 ID number (as apps/api/src/test/dispatch.fixture.ts makes them). */
function makeIdNumber(region: string, birth: string, seq: string): string {
  const body = `${region}${birth.replaceAll('-', '')}${seq}`;
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...body].reduce((s, d, i) => s + Number(d) * weights[i]!, 0);
  return body + '10X98765432'[sum % 11]!;
}

async function apiAs(baseURL: string, username: string): Promise<APIRequestContext> {
  const api = await playwrightRequest.newContext({ baseURL });
  const res = await api.post('/api/auth/login', { data: { username, password: DEMO_PASSWORD } });
  expect(res.ok(), `login ${username} → ${res.status()}`).toBe(true);
  return api;
}

async function call<T>(api: APIRequestContext, method: 'GET' | 'POST' | 'PATCH', url: string, data?: unknown): Promise<T> {
  const res = await api.fetch(url, { method, data });
  expect(res.ok(), `${method} ${url} → ${res.status()} ${await res.text()}`).toBe(true);
  return (await res.json()) as T;
}

/** A full-page screenshot from the top (a dialog may leave the window scrolled). */
async function shot(page: Page, name: string, focus?: Locator): Promise<void> {
  await page.evaluate(() => window.scrollTo(0, 0));
  if (focus) await focus.scrollIntoViewIfNeeded();
  await screenshot(page, name);
}

/** Types a date into an antd DatePicker inside `scope` and confirms it. */
async function setDate(scope: Locator, label: string, date: string): Promise<void> {
  const input = scope.getByLabel(label);
  await input.click();
  await input.fill(date);
  await input.press('Enter');
}

/** Searches in a Select (its labelled input) and picks the first option containing `text`. */
async function pickOption(page: Page, input: Locator, search: string, text: string): Promise<void> {
  await input.click();
  await input.fill(search);
  await (await optionsOf(page, input)).filter({ hasText: text }).first().dispatchEvent('click');
  await page.keyboard.press('Escape');
}

describe('抽查：指定人员两次不在岗 → 应另派接替', () => {
  let server: RunningServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let office: APIRequestContext;
  let support: APIRequestContext;
  let assignmentId = '';
  let personId = '';
  const checkIds: string[] = [];
  let demoChecks = 0;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
    // The demo programmes ran 2018–2020: the office extends the CX programme and the 武定 pairing; 云南省第一人民医院
    // registers 李医生 and dispatches her for this half-year (as dispatch.fixture.ts does for the API tests).
    office = await apiAs(server.url, 'cx-office');
    support = await apiAs(server.url, 'cx-support');
    const pairing = (await call<{ items: PairingItem[] }>(office, 'GET', '/api/pairings?pageSize=200')).items.find((p) => p.recipient.name === '武定县人民医院')!;
    expect(pairing).toBeDefined();
    const detail = await call<{ programmeId: string }>(office, 'GET', `/api/pairings/${pairing.id}`);
    await call(office, 'PATCH', `/api/programmes/${detail.programmeId}`, { validTo: '2027-12-31' });
    await call(office, 'PATCH', `/api/pairings/${pairing.id}`, { validTo: '2027-12-31' });
    const employer = (await call<{ org: { id: string; name: string } }>(support, 'GET', '/api/auth/me')).org;
    expect(employer.name).toBe('云南省第一人民医院');
    const person = await call<{ id: string }>(support, 'POST', '/api/persons', {
      name: '李医生', gender: 'female', birthMonth: '1986-05', education: 'master', workStartDate: '2012-07-01', titleLevel: 'intermediate',
      title: '主治医师', specialty: '儿科', idNumber: makeIdNumber('530102', '1986-05-20', '024'), mobile: '13988887777', employerOrgId: employer.id,
    });
    personId = person.id;
    const assignment = await call<{ id: string }>(support, 'POST', '/api/assignments', {
      pairingId: pairing.id, personId, mode: 'resident', department: '儿科', plannedStart: '2026-07-01', plannedEnd: '2026-12-31',
    });
    assignmentId = assignment.id;

    context = await newContext(browser);
    page = await context.newPage();
    await logIn(page, server.url, 'cx-office');
  });
  afterAll(async () => {
    await office?.dispose();
    await support?.dispose();
    await browser?.close();
    await server?.stop();
  });

  /** Starts a check of 李医生 on `date` by `method`, from the list page; returns its id. */
  async function startPickedCheck(method: string, date: string | null, shotName: string): Promise<string> {
    await page.getByRole('menu').getByRole('link', { name: '抽查点名' }).click();
    await page.waitForURL((u) => u.pathname === '/spot-checks');
    await page.getByRole('heading', { name: '抽查点名' }).waitFor();
    await page.locator('.dk-page-extra').getByRole('button', { name: '发起抽查' }).click();
    const dialog = page.getByRole('dialog', { name: '发起抽查' });
    await dialog.waitFor();
    await dialog.getByText(method, { exact: true }).click();
    if (date) await setDate(dialog, '抽查日期', date);
    await dialog.getByText('指定人员', { exact: true }).click();
    await pickOption(page, dialog.getByLabel('抽查人员'), '李医生', '李医生（武定县人民医院 · 儿科）');
    await dialog.locator('.ant-select-selection-item').filter({ hasText: '李医生' }).waitFor();
    await shot(page, shotName);
    await dialog.getByRole('button', { name: '发起抽查' }).click();
    await page.waitForURL((u) => /^\/spot-checks\/[0-9a-f-]{36}$/.test(u.pathname));
    return new URL(page.url()).pathname.split('/').pop()!;
  }

  /** Records 不在岗 with a reason for 李医生 on the check page. */
  async function recordAbsent(reason: string, shotName: string): Promise<void> {
    const row = page.locator('.ant-table-tbody tr.ant-table-row').filter({ hasText: '李医生' });
    await row.getByText('待记录').waitFor();
    await row.getByRole('button', { name: '记录结果' }).click();
    const dialog = page.getByRole('dialog', { name: '记录结果：李医生' });
    await dialog.waitFor();
    await dialog.getByText('不在岗', { exact: true }).click();
    await dialog.getByLabel('不在岗原因').fill(reason);
    await dialog.getByLabel('核查情况 / 证据（可选）').fill('拨打本人手机及科室电话均无人接听');
    await shot(page, `${shotName}-dialog`);
    await dialog.getByRole('button', { name: '保 存' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await row.getByText('不在岗', { exact: true }).waitFor();
    expect(await row.innerText()).toContain(reason);
    await page.locator('.dk-page-tags').getByText('已完成').waitFor();
    await shot(page, shotName);
  }

  it('starts a phone check of 李医生 and records 不在岗 with a reason', async () => {
    await page.getByRole('menu').getByRole('link', { name: '抽查点名' }).click();
    await page.waitForURL((u) => u.pathname === '/spot-checks');
    // The demo's monthly self-checks of 2018–2020 are listed, newest first.
    await page.locator('.ant-pagination-total-text').filter({ hasText: /^共 \d+ 条$/ }).waitFor();
    demoChecks = Number((await page.locator('.ant-pagination-total-text').innerText()).match(/\d+/)![0]);
    expect(demoChecks).toBeGreaterThan(0);
    await shot(page, 'spot-check-01-list');

    checkIds.push(await startPickedCheck('电话抽查', '2026-11-20', 'spot-check-02-start-picked'));
    await page.getByRole('heading', { name: '电话抽查 · 2026-11-20' }).waitFor();
    const info = await page.locator('.ant-descriptions').innerText();
    expect(info).toContain('指定 1 人');
    expect(info).toContain('指定人员，无随机种子');
    expect(info).toContain('楚雄彝族自治州卫生健康委员会');
    await shot(page, 'spot-check-03-detail-pending');
    await recordAbsent('无故离岗，电话无人接听', 'spot-check-04-first-absent');
  });

  it('a second check, by video today, finds 李医生 absent again', async () => {
    checkIds.push(await startPickedCheck('视频抽查', null, 'spot-check-05-start-second'));
    await page.getByRole('heading', { name: /^视频抽查 · \d{4}-\d{2}-\d{2}/ }).waitFor();
    await recordAbsent('视频接通时不在受援科室', 'spot-check-06-second-absent');

    await page.locator('.dk-page-crumbs').getByRole('link', { name: '抽查点名' }).click();
    await page.waitForURL((u) => u.pathname === '/spot-checks');
    await page.locator('.ant-pagination-total-text').filter({ hasText: `共 ${demoChecks + 2} 条` }).waitFor();
    // Newest first: today's video check, then the one of 2026-11-20, then the demo's.
    const rows = page.locator('.ant-table-tbody tr.ant-table-row');
    // The list shown from cache is refreshed on return: wait for both results.
    for (const i of [0, 1]) await rows.nth(i).filter({ hasText: '不在岗 1' }).filter({ hasText: '已完成' }).waitFor();
    await shot(page, 'spot-check-07-list');
  });

  it('shows 应另派接替 for 李医生 with the engine\'s explanation, and its link opens the assignment', async () => {
    await page.getByRole('menu').getByRole('link', { name: '抽查后果' }).click();
    await page.waitForURL((u) => u.pathname === '/spot-checks/consequences');
    const card = page.locator('.dk-sc-person[data-person="李医生"]');
    await card.waitFor();
    await card.locator('.dk-sc-headlines').getByText('应另派接替', { exact: true }).waitFor();
    const text = await card.innerText();
    expect(text).toContain('抽查 2 次 · 不在岗 2 次');
    expect(text).toMatch(/抽查 2 次，不在岗 2 次（2026-11-20、\d{4}-\d{2}-\d{2}），达到 2 次，支援医院应另派相应人员接替/);
    expect(text).toContain('不得申报高一级职称、通报批评派驻医院');
    expect(text).toContain('楚卫通〔2018〕43号');
    await shot(page, 'spot-check-08-consequences', card);

    await card.getByRole('link', { name: /打开派驻记录，另派接替/ }).click();
    await page.waitForURL((u) => u.pathname === `/assignments/${assignmentId}`);
    await page.getByRole('heading', { name: /李医生 → 武定县人民医院/ }).waitFor();
    await page.locator('.dk-page-extra').getByRole('button', { name: '另派接替' }).waitFor();
    const verdicts = page.locator('.ant-card').filter({ has: page.getByText('抽查判定', { exact: true }) });
    await verdicts.getByText('抽查 2 次，不在岗 2 次', { exact: false }).first().waitFor();
    await page.locator('.ant-card').filter({ has: page.getByText('在岗进度（规则引擎按节假日日历计算）') }).getByTestId('progress-explanation').waitFor();
    await shot(page, 'spot-check-09-assignment');
  });

  it('records a notice with its document from the consequences, and downloads it', async () => {
    await page.goto(`${server.url}/spot-checks/consequences`);
    const card = page.locator('.dk-sc-person[data-person="李医生"]');
    await card.getByRole('link', { name: '登记通报批评' }).click();
    await page.waitForURL((u) => u.pathname === '/sanctions');
    const dialog = page.getByRole('dialog', { name: '登记通报' });
    await dialog.waitFor();
    await dialog.locator('.ant-select-selection-item').filter({ hasText: '云南省第一人民医院' }).waitFor();
    await dialog.locator('.ant-select-selection-item').filter({ hasText: '李医生' }).waitFor();
    await dialog.getByText(/关联抽查：/).waitFor();
    const file = path.join(ARTIFACTS, 'spot-check-notice.pdf');
    writeFileSync(file, '%PDF-1.4\n% 楚卫通 通报\n');
    await dialog.locator('input[type=file]').setInputFiles(file);
    await dialog.getByText('spot-check-notice.pdf').waitFor();
    await page.waitForTimeout(500); // the file list slides in
    await shot(page, 'spot-check-10-sanction-form');
    await dialog.getByRole('button', { name: '登 记' }).click();
    await dialog.waitFor({ state: 'hidden' });
    const row = page.locator('.ant-table-tbody tr.ant-table-row').filter({ hasText: '李医生' });
    await row.waitFor();
    expect(await row.innerText()).toContain('通报');
    expect(await row.innerText()).toContain('云南省第一人民医院');
    await shot(page, 'spot-check-11-sanctions');
    const [download] = await Promise.all([page.waitForEvent('download'), row.getByRole('button', { name: /spot-check-notice\.pdf/ }).click()]);
    expect(download.suggestedFilename()).toBe('spot-check-notice.pdf');
  });

  it('draws a random sample with a seed and re-draws the same sample from it', async () => {
    await page.goto(`${server.url}/spot-checks`);
    await page.locator('.dk-page-extra').getByRole('button', { name: '发起抽查' }).click();
    const dialog = page.getByRole('dialog', { name: '发起抽查' });
    await dialog.waitFor();
    await dialog.getByLabel('随机种子（可选）').fill('wuding-2026-11');
    await dialog.getByRole('button', { name: '随机抽取' }).click();
    const result = page.getByRole('dialog', { name: '随机抽取结果' });
    await result.getByText('已随机抽取 1 人').waitFor();
    expect(await result.getByTestId('drawn-seed').innerText()).toContain('wuding-2026-11');
    await shot(page, 'spot-check-12-random-drawn');
    await result.getByRole('button', { name: '查看并记录结果' }).click();
    await page.waitForURL((u) => /^\/spot-checks\/[0-9a-f-]{36}$/.test(u.pathname));
    await page.getByTestId('seed').getByText('wuding-2026-11').waitFor();
    await page.locator('.dk-page-extra').getByRole('button', { name: '按种子复核' }).click();
    const redraw = page.getByRole('dialog', { name: '按随机种子复核抽样' });
    await redraw.getByText('重新抽取的人员与记录的抽样一致').waitFor();
    expect(await redraw.innerText()).toContain('李医生');
    await shot(page, 'spot-check-13-redraw');
  });
});
