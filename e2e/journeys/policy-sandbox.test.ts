import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { ARTIFACTS, launchBrowser, logIn, newContext, screenshot, optionsOf } from '../support/browser.js';
import { startServer, type RunningServer } from '../support/server.js';

/** Opens an antd Select and picks the first option containing `option`. */
async function choose(page: Page, select: Locator, option: string | RegExp): Promise<void> {
  await select.click();
  await (await optionsOf(page, select)).filter({ hasText: option }).first().dispatchEvent('click');
}

/** Replaces the date in an antd DatePicker input and confirms it. */
async function typeDate(input: Locator, date: string): Promise<void> {
  await input.click();
  await input.fill(date);
  await input.press('Enter');
}

async function shot(page: Page, name: string): Promise<void> {
  await page.evaluate(() => window.scrollTo(0, 0));
  await screenshot(page, name);
}

/** How far the page sticks out to the right of the window (0 when nothing is cut off). */
const overflowOf = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

describe('规则试算：选派条件、跨节假日的请假、期限顺延；政策参数与 2024 年节假日日历', () => {
  let server: RunningServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

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

  it('evaluates the selection rules of CX for an eligible and an ineligible person', async () => {
    await page.getByRole('menu').getByRole('link', { name: '规则试算', exact: true }).click();
    await page.waitForURL((u) => u.pathname === '/policies/sandbox');
    await page.getByRole('heading', { name: '规则试算' }).waitFor();
    // The version in force is chosen by itself: cx-office sees CX only.
    await page.getByText('楚雄州三级医院对口帮扶贫困县县级医院（2018—2020） · 2018-06-01 起施行 · 现行').waitFor();
    await page.getByRole('tab', { name: '选派条件' }).waitFor();

    await choose(page, page.getByLabel('学历'), '本科');
    await page.getByLabel('参加工作时间').fill('2010-07');
    await choose(page, page.getByLabel('职称级别'), '中级');
    await choose(page, page.getByLabel('支援方式'), '驻点派驻');
    await typeDate(page.getByLabel('派驻开始日期'), '2026-12-01');
    await page.getByRole('button', { name: '试算选派条件' }).click();
    const result = page.locator('.dk-sandbox-result');
    await result.getByText('本科学历，参工时间 2010-07', { exact: false }).waitFor();
    let text = await result.innerText();
    expect(text).toMatch(/至派驻开始日 2026-12-01，\s*工作满 16 年，要求满 5 年，符合/);
    expect(text).toContain('选派条件：学历与工作年限');
    expect(text).toContain('楚卫通〔2018〕43号 二（二）');
    // CX sets no title or mode requirement: said so, not guessed.
    expect(text).toContain('未规定选派条件：职称与支援方式的要求');
    expect(text).not.toContain('不符合');
    await shot(page, 'sandbox-01-eligible');

    await choose(page, page.getByLabel('学历'), '硕士研究生');
    await page.getByLabel('参加工作时间').fill('2025-07');
    await page.getByRole('button', { name: '试算选派条件' }).click();
    await result.getByText('硕士研究生学历，参工时间 2025-07', { exact: false }).waitFor();
    text = await result.innerText();
    expect(text).toMatch(/工作满 1 年，要求满 3 年，不符合/);
    expect(text).toContain('要求年限：3');
    expect(text).toContain('工作年限：1');
    await result.locator('.ant-tag').filter({ hasText: /^不符合$/ }).first().waitFor();
    await shot(page, 'sandbox-02-ineligible');
  });

  it('counts a leave over National Day in working days, without the holiday', async () => {
    await page.getByRole('tab', { name: '请假' }).click();
    await page.waitForURL((u) => u.searchParams.get('tab') === 'leave');
    const panel = page.getByRole('tabpanel', { name: '请假' });
    await panel.getByPlaceholder('开始日期').click();
    await panel.getByPlaceholder('开始日期').fill('2026-09-30');
    await panel.getByPlaceholder('开始日期').press('Enter');
    await panel.getByPlaceholder('结束日期').fill('2026-10-09');
    await panel.getByPlaceholder('结束日期').press('Enter');
    await panel.getByRole('button', { name: '试算请假' }).click();
    // 30 Sep, 8 and 9 Oct: 1–7 Oct is 国庆节.
    const days = panel.locator('.dk-sandbox-days');
    await days.waitFor();
    expect((await days.innerText()).replace(/\s+/g, '')).toBe('共10个自然日，其中工作日3天（节假日、休息日不计）');
    const text = await panel.locator('.dk-sandbox-result').innerText();
    expect(text).toContain('派驻医院院长');
    expect(text).toContain('请假条报 省级项目管理办公室 备案');
    expect(text).toContain('请假 2026-09-30 至 2026-10-09，计 3 个工作日，需派驻医院院长审批');
    await shot(page, 'sandbox-03-leave');
  });

  it('moves a reporting deadline that falls on a holiday to the next working day', async () => {
    await page.getByRole('tab', { name: '报送期限' }).click();
    const panel = page.getByRole('tabpanel', { name: '报送期限' });
    await typeDate(panel.locator('.ant-picker input'), '2026');
    await panel.getByText(/共 \d+ 项，其中 \d+ 项遇节假日或休息日顺延/).waitFor();
    // 5 October 2026 lies in the National Day holiday: the September statistics are due on 8 October.
    const row = panel.locator('.ant-table-tbody tr.ant-table-row').filter({ hasText: '2026 年 9 月统计表' });
    await row.waitFor();
    const text = await row.innerText();
    expect(text).toContain('2026-10-08（周四）');
    expect(text).toContain('节假日顺延');
    expect(text).toContain('2026-10-05 → 2026-10-08');
    // A deadline on an ordinary working day stays where it is.
    const august = await panel.locator('.ant-table-tbody tr.ant-table-row').filter({ hasText: '2026 年 7 月统计表' }).innerText();
    expect(august).toContain('2026-08-05（周三）');
    expect(august).not.toContain('节假日顺延');
    await shot(page, 'sandbox-04-deadlines');
  });

  it('lists the policy versions and shows the parameters of CX', async () => {
    await page.getByRole('menu').getByRole('link', { name: '政策版本', exact: true }).click();
    await page.waitForURL((u) => u.pathname === '/policies');
    await page.getByRole('heading', { name: '政策版本' }).waitFor();
    const row = page.locator('.ant-table-tbody tr.ant-table-row').filter({ hasText: 'CX 第 1 版' });
    await row.waitFor();
    const text = await row.innerText();
    expect(text).toContain('已发布');
    expect(text).toContain('现行');
    expect(text).toContain('2018-06-01');
    expect(await page.locator('.ant-table-tbody').innerText()).not.toContain('MY');
    await shot(page, 'sandbox-05-policy-list');

    await row.getByRole('link', { name: 'CX 第 1 版' }).click();
    await page.waitForURL((u) => /^\/policies\/[0-9a-f-]{36}$/.test(u.pathname));
    await page.getByRole('heading', { name: 'CX 第 1 版' }).waitFor();
    await page.getByRole('tab', { name: '参数' }).waitFor();
    const params = page.locator('.ant-table-tbody');
    const eligibility = await params.locator('tr').filter({ hasText: '选派条件：学历与工作年限' }).innerText();
    expect(eligibility).toContain('本科：工作满 5 年');
    expect(eligibility).toContain('硕士研究生：工作满 3 年');
    expect(eligibility).toContain('楚卫通〔2018〕43号 二（二）');
    const monthly = await params.locator('tr').filter({ hasText: '月度统计表报送' }).innerText();
    expect(monthly).toContain('每月 5 日前');
    expect(monthly).toContain('遇节假日顺延');
    await shot(page, 'sandbox-06-policy-parameters');
  });

  it('shows the 2024 holiday calendar with 春节 and its adjusted working Sundays', async () => {
    // By address: at 850 px the menu's last entries sit under the sider's collapse button (reported to the layout's owner).
    await page.goto(`${server.url}/calendar`);
    await page.getByRole('heading', { name: '节假日日历' }).waitFor();
    await page.getByRole('button', { name: '2024 年', exact: true }).click();
    await page.waitForURL((u) => u.searchParams.get('year') === '2024');
    await page.getByText('法定节假日 28 天').waitFor();
    await page.getByText('调休上班 8 天').waitFor();
    const february = page.locator('.dk-month').filter({ has: page.locator('.dk-month-title', { hasText: /^2 月/ }) });
    // In date order: the working Sunday before the holiday comes first.
    expect(await february.locator('.dk-month-notes').innerText()).toBe('调休上班 4、18日（春节）\n春节 10–17日');
    await february.getByLabel('2024-02-12 法定节假日：春节').waitFor();
    await february.getByLabel('2024-02-18 调休上班：春节').waitFor();
    const october = page.locator('.dk-month').filter({ has: page.locator('.dk-month-title', { hasText: /^10 月/ }) });
    expect(await october.locator('.dk-month-notes').innerText()).toContain('国庆节 1–7日');
    await shot(page, 'sandbox-07-calendar-2024');
  });

  it('fits a 360 px phone: the leave sandbox and the calendar', async () => {
    const phone = await newContext(browser, { phone: true });
    try {
      const p = await phone.newPage();
      await logIn(p, server.url, 'cx-office');
      await p.goto(`${server.url}/policies/sandbox?tab=leave`);
      const panel = p.getByRole('tabpanel', { name: '请假' });
      // Two single pickers instead of the two-month range popup.
      await typeDate(panel.getByPlaceholder('开始日期'), '2026-09-30');
      await typeDate(panel.getByPlaceholder('结束日期'), '2026-10-09');
      await panel.getByRole('button', { name: '试算请假' }).click();
      await panel.locator('.dk-sandbox-days').getByText('3', { exact: true }).waitFor();
      expect(await overflowOf(p)).toBe(0);
      await p.screenshot({ path: path.join(ARTIFACTS, 'sandbox-08-phone-leave.png') });
      await shot(p, 'sandbox-09-phone-leave-full');

      await p.goto(`${server.url}/calendar?year=2024`);
      await p.getByText('法定节假日 28 天').waitFor();
      expect(await overflowOf(p)).toBe(0);
      await shot(p, 'sandbox-10-phone-calendar-2024');
    } finally {
      await phone.close();
    }
  });
});
