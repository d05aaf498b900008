import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, logIn, newContext, screenshot, waitForMessage } from '../support/browser.js';
import { startServer, type RunningServer } from '../support/server.js';
import { addDays, apiAs, dispatchCxStaff, mondayFrom, type Api, type Assignment } from '../support/staff-fixture.js';

interface Step { party: string; label: string; decision: 'approve' | 'reject' | null; decidedBy: string | null; comment: string | null }
interface Leave { id: string; personName: string; startDate: string; endDate: string; workingDays: number; status: string; awaiting: string | null; approvals: Step[] }




/** The leave's row in a list (the demo person may have older leave too: the start date tells them apart). */
const rowOf = (page: Page, leave: Pick<Leave, 'personName' | 'startDate'>) =>
  page.locator('.ant-table-tbody tr.ant-table-row').filter({ hasText: leave.personName }).filter({ hasText: leave.startDate });

async function shot(page: Page, name: string): Promise<void> {
  await page.evaluate(() => window.scrollTo(0, 0));
  await screenshot(page, name);
}

/** Signs in as an approver, opens 请假 from the menu and lands on 待我审批. */
async function openTodo(browser: Browser, baseUrl: string, username: string): Promise<Page> {
  const context = await newContext(browser);
  const page = await context.newPage();
  await logIn(page, baseUrl, username);
  await page.getByRole('menu').getByRole('link', { name: '请假' }).click();
  await page.waitForURL((u) => u.pathname === '/leave');
  await page.getByRole('tab', { name: /待我审批/ }).click();
  await page.getByRole('tab', { name: /待我审批/, selected: true }).waitFor();
  return page;
}

/** 同意 on the leave's row in 待我审批, with a comment; waits for the server's answer. */
async function approve(page: Page, leave: Leave, comment: string, done: RegExp): Promise<void> {
  await rowOf(page, leave).getByRole('button', { name: /同\s*意/ }).click();
  const dialog = page.getByRole('dialog', { name: `同意请假：${leave.personName}` });
  await dialog.waitFor();
  await dialog.getByLabel('审批意见（可选）').fill(comment);
  await dialog.getByRole('button', { name: /同\s*意/ }).click();
  await waitForMessage(page, done);
  await dialog.waitFor({ state: 'hidden' });
}

describe('请假审批（桌面）：受援单位在「待我审批」中同意，审批链逐级流转', () => {
  let server: RunningServer;
  let browser: Browser;
  let staffApi: Api;
  let leave: Leave;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
    staffApi = await apiAs(server.url, 'cx-staff');
    const today = (await staffApi<{ date: string }>('GET', '/api/check-ins/today')).json.date;
    await dispatchCxStaff(server.url, today);
    // Monday to the Monday after: 6 working days, so the director, the province and the prefecture decide in turn.
    const start = mondayFrom(addDays(today, 7));
    const asked = await staffApi<Leave>('POST', '/api/leave-requests', { startDate: start, endDate: addDays(start, 7), kind: 'family', reason: '回昆明照顾住院的父亲' });
    expect(asked.status, JSON.stringify(asked.json)).toBe(201);
    leave = asked.json;
    expect(leave).toMatchObject({ workingDays: 6, status: 'pending', awaiting: 'recipient_director' });
    expect(leave.approvals.length).toBe(3);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('the recipient unit sees the request in 待我审批 and approves it with a comment', async () => {
    const page = await openTodo(browser, server.url, 'cx-recipient');
    const row = rowOf(page, leave);
    await row.waitFor();
    expect(await row.innerText()).toContain('等待「派驻医院院长」审批');
    expect(await row.innerText()).toContain('6 工作日');
    await shot(page, 'leave-approval-01-todo');

    await approve(page, leave, '科室已安排人员顶岗，同意', /已同意，转下一级审批/);
    await page.getByText('没有等待您审批的请假。').waitFor();

    // In 请假记录 the request waits for the next step; its drawer shows the chain with the comment.
    await page.getByRole('tab', { name: '请假记录' }).click();
    const record = rowOf(page, leave);
    await record.getByText(`等待「${leave.approvals[1]!.label}」审批`).waitFor();
    await record.getByRole('button', { name: /详\s*情/ }).click();
    const drawer = page.getByRole('dialog', { name: `${leave.personName} 的请假` });
    await drawer.getByText('意见：科室已安排人员顶岗，同意').waitFor();
    const steps = await drawer.locator('.ant-steps').innerText();
    expect(steps).toContain(leave.approvals[0]!.label);
    expect(steps).toMatch(/同意\s+cx-recipient/);
    expect(steps).toContain('审批中');
    await shot(page, 'leave-approval-02-after-director');

    const after = (await staffApi<Leave>('GET', `/api/leave-requests/${leave.id}`)).json;
    expect(after).toMatchObject({ status: 'pending', awaiting: leave.approvals[1]!.party });
    expect(after.approvals[0]).toMatchObject({ decision: 'approve', decidedBy: 'cx-recipient', comment: '科室已安排人员顶岗，同意' });
    await page.context().close();
  });

  it('the next approvers see it in turn; the last approval completes it and marks the days as leave', async () => {
    // The provincial office is next, then the prefecture office (the order the policy sets).
    const province = await openTodo(browser, server.url, 'yn-province');
    await rowOf(province, leave).waitFor();
    await approve(province, leave, '同意，按规定报备', /已同意，转下一级审批/);
    await province.context().close();

    const prefecture = await openTodo(browser, server.url, 'cx-office');
    const row = rowOf(prefecture, leave);
    await row.getByText(`等待「${leave.approvals[2]!.label}」审批`).waitFor();
    await shot(prefecture, 'leave-approval-03-prefecture-todo');
    await approve(prefecture, leave, '同意', /已同意，审批完成/);
    await prefecture.getByRole('tab', { name: '请假记录' }).click();
    await rowOf(prefecture, leave).getByText('已批准').waitFor();
    await shot(prefecture, 'leave-approval-04-approved');
    await prefecture.context().close();

    const done = (await staffApi<Leave>('GET', `/api/leave-requests/${leave.id}`)).json;
    expect(done.status).toBe('approved');
    expect(done.approvals.map((s) => s.decidedBy)).toEqual(['cx-recipient', 'yn-province', 'cx-office']);
    const recipient = await apiAs(server.url, 'cx-recipient');
    const grid = (await recipient<{ rows: { personName: string; cells: Record<string, { status: string }> }[] }>('GET', `/api/attendance/months/${leave.startDate.slice(0, 7)}`)).json;
    expect(grid.rows.find((r) => r.personName === leave.personName)!.cells[leave.startDate]).toMatchObject({ status: 'leave' });
  });
});
