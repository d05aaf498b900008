import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, logIn, newContext, screenshot, waitForMessage } from '../support/browser.js';
import { startServer, type RunningServer } from '../support/server.js';
import { addDays, apiAs, dispatchCxStaff, mondayFrom, type Api } from '../support/staff-fixture.js';

interface Leave { id: string; personName: string; startDate: string; status: string; awaiting: string | null; approvals: { party: string; label: string }[] }

async function shot(page: Page, name: string): Promise<void> {
  await page.evaluate(() => window.scrollTo(0, 0));
  await screenshot(page, name);
}

/** The needs-attention line for leave overdue on the caller (the dashboard marks each line with its key). */
const overdueMine = (page: Page) => page.locator('li[data-key="leave-overdue-mine"]');

describe('监管看板：州卫健委看到红色待办，去处理后待办消失', () => {
  let server: RunningServer;
  let browser: Browser;
  let staffApi: Api;
  let leave: Leave;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
    staffApi = await apiAs(server.url, 'cx-staff');
    const today = (await staffApi<{ date: string }>('GET', '/api/check-ins/today')).json.date;
    await dispatchCxStaff(server.url, today);
    // A week's leave that began last week (6 working days: the director, the province and the prefecture decide in turn).
    const start = mondayFrom(addDays(today, -14));
    const asked = await staffApi<Leave>('POST', '/api/leave-requests', { startDate: start, endDate: addDays(start, 7), kind: 'family', reason: '回昆明照顾住院的父亲' });
    expect(asked.status, JSON.stringify(asked.json)).toBe(201);
    leave = asked.json;
    // The director and the province approve at once; the prefecture office has not acted while the leave is already under way.
    for (const who of ['cx-recipient', 'yn-province']) {
      const api = await apiAs(server.url, who);
      const decided = await api<Leave>('POST', `/api/leave-requests/${leave.id}/decision`, { decision: 'approve', comment: '同意' });
      expect(decided.status, JSON.stringify(decided.json)).toBe(200);
    }
    const now = (await staffApi<Leave>('GET', `/api/leave-requests/${leave.id}`)).json;
    expect(now).toMatchObject({ status: 'pending', awaiting: 'prefecture_office' });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('the prefecture office sees the overdue leave in red, approves it from the link, and the item is gone', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await logIn(page, server.url, 'cx-office');
    await page.getByRole('menu').getByRole('link', { name: '监管看板' }).click();
    await page.waitForURL((u) => u.pathname === '/dashboard');
    await page.getByText('楚雄彝族自治州 · 监管看板').waitFor();

    const item = overdueMine(page);
    await item.waitFor();
    expect(await item.innerText()).toContain('紧急');
    expect(await item.innerText()).toContain('待您审批的请假已逾期');
    expect(await item.innerText()).toContain(`${leave.personName} ${leave.startDate} 起的请假等待`);
    expect(await item.locator('.ant-tag').getAttribute('class')).toMatch(/red/);
    // It ranks first among the red items' kind: nothing of lower severity is above it.
    const keys = await page.locator('.dk-dash-attention li').evaluateAll((lis) => lis.map((li) => li.querySelector('.ant-tag')?.textContent ?? ''));
    expect(keys.indexOf('紧急')).toBe(0);
    await shot(page, 'dashboard-01-red-item');

    // 去处理 opens 待我审批, where the office approves the leave.
    await item.getByRole('link', { name: /去处理/ }).click();
    await page.waitForURL((u) => u.pathname === '/leave' && u.searchParams.get('tab') === 'todo');
    const row = page.locator('.ant-table-tbody tr.ant-table-row').filter({ hasText: leave.personName }).filter({ hasText: leave.startDate });
    await row.waitFor();
    await row.getByRole('button', { name: /同\s*意/ }).click();
    const dialog = page.getByRole('dialog', { name: `同意请假：${leave.personName}` });
    await dialog.waitFor();
    await dialog.getByLabel('审批意见（可选）').fill('同意，已补办');
    await dialog.getByRole('button', { name: /同\s*意/ }).click();
    await waitForMessage(page, /已同意，审批完成/);
    await dialog.waitFor({ state: 'hidden' });
    await shot(page, 'dashboard-02-approved');

    // Back on the dashboard the item has gone (the figures are read afresh).
    await page.getByRole('menu').getByRole('link', { name: '监管看板' }).click();
    await page.waitForURL((u) => u.pathname === '/dashboard');
    await page.getByRole('button', { name: /刷\s*新/ }).click();
    await overdueMine(page).waitFor({ state: 'detached' });
    expect(await page.locator('.dk-dash-attention li').filter({ hasText: leave.personName }).count()).toBe(0);
    await shot(page, 'dashboard-03-item-gone');

    const done = (await staffApi<Leave>('GET', `/api/leave-requests/${leave.id}`)).json;
    expect(done.status).toBe('approved');
    await context.close();
  });
});
