import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { launchBrowser, logIn, newContext, screenshot } from '../support/browser.js';
import { startServer, type RunningServer } from '../support/server.js';
import { addDays, apiAs, dispatchCxStaff, mondayFrom, type Api, type Assignment } from '../support/staff-fixture.js';

/** The recipient's fence, and a point about 35 m from its centre (inside the 500 m radius). */
const FENCE = { lat: 25.53, lng: 102.4, radiusM: 500 };
const INSIDE = { latitude: 25.5302, longitude: 102.4003, accuracy: 15 };
/** A 1×1 PNG, attached to the leave as its proof. */
const PROOF_PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';

interface CheckIn { id: string; clientId: string; kind: 'in' | 'out'; at: string; receivedAt: string; fence: string; sentLate: boolean }
interface Today { date: string; assignment: { id: string; recipientOrgName: string } | null; checkIns: CheckIn[] }

/**
 * Picks a date in an antd picker (read-only input) as a user would: opens it, moves month by month
 * (reading the panel's header) to the date's month and clicks its day. Each step checks the panel
 * anew, so a dropdown still sliding in, or one closed by a re-render, is waited for or reopened
 * instead of being clicked blind.
 */
async function pickDate(page: Page, input: Locator, date: string): Promise<void> {
  const [year, month] = date.split('-').map(Number) as [number, number];
  const open = page.locator('.ant-picker-dropdown:not(.ant-picker-dropdown-hidden)').filter({ visible: true });
  for (let step = 0; step < 40; step++) {
    try {
      if ((await open.count()) === 0) await input.click({ timeout: 5_000 });
      const panel = open.first();
      const shownYear = parseInt(await panel.locator('.ant-picker-year-btn').first().innerText({ timeout: 5_000 }), 10);
      const shownMonth = parseInt(await panel.locator('.ant-picker-month-btn').first().innerText({ timeout: 5_000 }), 10);
      const diff = year * 12 + month - (shownYear * 12 + shownMonth);
      if (diff === 0) {
        await panel.locator(`td.ant-picker-cell-in-view[title="${date}"]`).click({ timeout: 5_000 });
        if ((await input.inputValue()) === date) break;
        continue;
      }
      await panel.locator(diff > 0 ? '.ant-picker-header-next-btn' : '.ant-picker-header-prev-btn').first().click({ timeout: 5_000 });
    } catch {
      // The panel moved or closed under the pointer: look again.
    }
  }
  expect(await input.inputValue()).toBe(date);
  await page.waitForFunction(() => !document.querySelector('.ant-picker-dropdown:not(.ant-picker-dropdown-hidden)'));
}

async function shot(page: Page, name: string): Promise<void> {
  await page.evaluate(() => window.scrollTo(0, 0));
  await screenshot(page, name);
}

describe('打卡（手机）：签到、离线签退补传、点名应答与请假', () => {
  let server: RunningServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let staffApi: Api;
  let assignment: Assignment;
  let today: string;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
    staffApi = await apiAs(server.url, 'cx-staff');
    today = (await staffApi<Today>('GET', '/api/check-ins/today')).json.date;
    assignment = await dispatchCxStaff(server.url, today, FENCE);
    context = await newContext(browser, { phone: true });
    await context.grantPermissions(['geolocation'], { origin: server.url });
    await context.setGeolocation(INSIDE);
    page = await context.newPage();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('lands on 打卡 and checks in inside the geofence', async () => {
    await logIn(page, server.url, 'cx-staff');
    await page.waitForURL((u) => u.pathname === '/check-in');
    await page.locator('.dk-checkin-org').getByText(assignment.recipientOrgName).waitFor();
    // The phone's position is compared with the fence before any tap.
    await page.getByLabel('当前位置').getByText('在打卡范围内').waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

    await page.getByRole('button', { name: '签到' }).click();
    await page.getByRole('alert').filter({ hasText: '签到成功' }).waitFor();
    const row = page.locator('.dk-checkin-today li').filter({ hasText: '签到' });
    await row.waitFor();
    expect(await row.innerText()).toContain('范围内');
    await shot(page, 'check-in-01-signed-in');
  });

  it('checks out without network: queued with its time, sent once the network is back and marked 补传', async () => {
    await context.setOffline(true);
    await page.getByText('当前没有网络', { exact: true }).waitFor();
    const tappedAt = Date.now();
    await page.getByRole('button', { name: '签退' }).click();
    await page.getByRole('alert').filter({ hasText: /网络不可用，签退（\d\d:\d\d:\d\d）已保存在本机/ }).waitFor();
    await page.locator('.dk-checkin-phase').waitFor({ state: 'detached' }); // the button is free again
    const queued = page.locator('.dk-checkin-queue li');
    await queued.filter({ hasText: '签退' }).filter({ hasText: '等待网络' }).waitFor();
    expect(await queued.count()).toBe(1);
    await shot(page, 'check-in-02-queued-offline');

    // Nothing has reached the server yet.
    expect((await staffApi<Today>('GET', '/api/check-ins/today')).json.checkIns.map((c) => c.kind)).toEqual(['in']);
    await page.waitForTimeout(2500); // so that the arrival is visibly later than the tap

    await context.setOffline(false);
    const out = page.locator('.dk-checkin-today li').filter({ hasText: '签退' });
    await out.filter({ hasText: '补传' }).waitFor();
    await page.locator('.dk-checkin-queue').waitFor({ state: 'detached' });
    await page.getByRole('alert').filter({ hasText: /签退已补传 · \d\d:\d\d:\d\d/ }).waitFor();
    expect(await out.innerText()).toMatch(/离线打卡，\d\d:\d\d:\d\d 联网后补传/);
    await shot(page, 'check-in-03-sent-after-reconnect');

    // Each tap counted exactly once; the check-out keeps the time of the tap, not of its arrival.
    await page.reload();
    await page.locator('.dk-checkin-today li').nth(1).waitFor();
    const { checkIns } = (await staffApi<Today>('GET', '/api/check-ins/today')).json;
    expect(checkIns.map((c) => c.kind)).toEqual(['in', 'out']);
    expect(new Set(checkIns.map((c) => c.clientId)).size).toBe(2);
    const checkOut = checkIns[1]!;
    expect(Math.abs(Date.parse(checkOut.at) - tappedAt)).toBeLessThan(5000);
    expect(Date.parse(checkOut.receivedAt) - Date.parse(checkOut.at)).toBeGreaterThanOrEqual(2000);
    expect(checkOut.fence).toBe('inside');
    expect(await page.locator('.dk-checkin-today li').count()).toBe(2);

    // The day is on duty in the recipient's month grid, once.
    const recipient = await apiAs(server.url, 'cx-recipient');
    const grid = (await recipient<{ rows: { assignmentId: string; cells: Record<string, { status: string; source: string }>; counts: Record<string, number> }[] }>('GET', `/api/attendance/months/${today.slice(0, 7)}`)).json;
    const mine = grid.rows.find((r) => r.assignmentId === assignment.id)!;
    expect(mine.cells[today]).toMatchObject({ status: 'on_duty', source: 'check_in' });
  });

  it('answers a roll call from the top of the page, with its location', async () => {
    const support = await apiAs(server.url, 'cx-support');
    const call = await support<{ id: string }>('POST', '/api/spot-checks', {
      method: 'roll_call', date: today, rollCallMinutes: 30, sample: { kind: 'picked', assignmentIds: [assignment.id] },
    });
    expect(call.status, JSON.stringify(call.json)).toBe(201);
    await page.reload();
    const card = page.locator('.dk-rollcall');
    await card.getByText('点名 · 云南省第一人民医院').waitFor();
    expect(await page.getByRole('timer', { name: '点名剩余时间' }).innerText()).toMatch(/^(29|30):\d\d$/);
    await shot(page, 'check-in-04-roll-call');
    await card.getByRole('button', { name: /应答点名/ }).click();
    await page.getByRole('alert').filter({ hasText: '已应答「云南省第一人民医院」的点名' }).waitFor();
    await card.waitFor({ state: 'detached' });

    const detail = (await support<{ results: { assignmentId: string; result: string; evidence: string | null }[] }>('GET', `/api/spot-checks/${call.json.id}`)).json;
    const result = detail.results.find((r) => r.assignmentId === assignment.id)!;
    expect(result.result).toBe('present');
    expect(result.evidence).toContain('定位 25.530200, 102.400300');
  });

  it('asks for a leave of several working days and sees the approval chain before and after submitting', async () => {
    // A retried attempt starts from a clean page, not from the dialog a failed one left open.
    await page.reload();
    const start = mondayFrom(addDays(today, 7));
    const end = addDays(start, 7); // Monday to Monday: 6 working days
    await page.getByRole('button', { name: /请假申请/ }).click();
    const dialog = page.getByRole('dialog', { name: '请假申请' });
    await dialog.waitFor();
    await pickDate(page, dialog.getByPlaceholder('开始日期'), start);
    await pickDate(page, dialog.getByPlaceholder('结束日期'), end);
    const preview = dialog.getByLabel('请假预览');
    await preview.getByText('工作日 6 天', { exact: false }).waitFor();
    const expected = (await staffApi<{ approvals: { label: string }[] }>('POST', '/api/leave-requests/preview', { startDate: start, endDate: end, kind: 'personal' })).json.approvals.map((s) => s.label);
    expect(expected.length).toBeGreaterThanOrEqual(2);
    expect(expected[0]).toBe('派驻医院院长');
    for (const label of expected) await preview.getByText(label, { exact: true }).waitFor();
    await dialog.getByLabel('请假事由').fill('家中老人住院需陪护');
    await dialog.locator('input[type=file]').setInputFiles({ name: '住院证明.png', mimeType: 'image/png', buffer: Buffer.from(PROOF_PNG, 'base64') });
    await dialog.getByText('住院证明.png').waitFor();
    await shot(page, 'check-in-05-leave-preview');

    await dialog.getByRole('button', { name: '提交申请' }).click();
    const done = page.getByRole('dialog', { name: '请假申请已提交' });
    await done.getByText('已提交，等待审批').waitFor();
    for (const label of expected) await done.getByText(label, { exact: true }).waitFor();
    await done.getByText('审批中').waitFor();
    await shot(page, 'check-in-06-leave-submitted');

    const list = (await staffApi<{ items: { startDate: string; workingDays: number; status: string; awaiting: string; attachmentName: string | null; approvals: { label: string }[] }[] }>('GET', '/api/leave-requests')).json.items;
    const leave = list.find((l) => l.startDate === start)!;
    expect(leave).toMatchObject({ workingDays: 6, status: 'pending', awaiting: 'recipient_director', attachmentName: '住院证明.png' });
    expect(leave.approvals.map((s) => s.label)).toEqual(expected);
    await done.getByRole('button', { name: /完\s*成/ }).click();
    await done.waitFor({ state: 'hidden' });
  });
});
