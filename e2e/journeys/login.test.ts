import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, logIn, newContext, screenshot } from '../support/browser.js';
import { startServer, type RunningServer } from '../support/server.js';

/** The organisation of the demo user cx-office, as the header shows it. */
const CX_ORG = '楚雄彝族自治州卫生健康委员会';
const PHONE_WIDTH = 360;

const scrollWidth = (page: Page): Promise<number> => page.evaluate(() => document.documentElement.scrollWidth);

describe('登录与退出', () => {
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('a wrong password shows a Chinese error and stays on the login page', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await page.goto(`${server.url}/login`);
    await page.getByText('账号登录').waitFor();
    await page.getByPlaceholder('用户名').fill('cx-office');
    await page.getByPlaceholder('密码').fill('not-the-password');
    await page.getByRole('button', { name: /登\s*录/ }).click();

    const alert = page.getByRole('alert').filter({ hasText: '登录失败' });
    await alert.waitFor();
    expect(await alert.innerText()).toContain('用户名或密码错误');
    expect(new URL(page.url()).pathname).toBe('/login');
    // The wrong password is cleared, the username kept.
    expect(await page.getByPlaceholder('密码').inputValue()).toBe('');
    expect(await page.getByPlaceholder('用户名').inputValue()).toBe('cx-office');
    expect(await page.getByRole('button', { name: /登\s*录/ }).isEnabled()).toBe(true);
    await screenshot(page, 'login-01-wrong-password');
    await context.close();
  });

  it('cx-office logs in, sees the home page of the organisation, and logs out', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await logIn(page, server.url, 'cx-office');
    expect(new URL(page.url()).pathname).toBe('/');

    // Header: display name and organisation; home page: the scope's overview with its figures.
    const header = page.locator('.dk-header');
    await header.getByText(CX_ORG, { exact: true }).first().waitFor();
    await header.getByText('楚雄州卫健委医政医管科', { exact: true }).first().waitFor();
    await page.getByRole('heading', { name: /对口支援工作概况/ }).waitFor();
    expect(await page.getByRole('heading', { level: 4 }).first().innerText()).toContain('楚雄彝族自治州');
    const pairingsCard = page.locator('.dk-stat-card').filter({ hasText: '对口关系' }).first();
    await pairingsCard.locator('.ant-statistic-content-value').filter({ hasText: '8' }).waitFor();
    await page.getByText('按项目统计').waitFor();
    await page.getByRole('cell', { name: '2018年三级医院对口帮扶贫困县县级医院' }).waitFor();
    await screenshot(page, 'login-02-home-cx-office');

    await page.getByRole('button', { name: /退出登录/ }).click();
    await page.waitForURL((u) => u.pathname === '/login');
    await page.getByPlaceholder('用户名').waitFor();
    // The session is gone: the home page sends back to the login page.
    await page.goto(`${server.url}/`);
    await page.waitForURL((u) => u.pathname === '/login');
    await page.getByPlaceholder('密码').waitFor();
    const me = await page.request.get(`${server.url}/api/auth/me`);
    expect(me.status()).toBe(401);
    await context.close();
  });

  it('on a 360×740 phone the login, home and pairings pages fit the screen width', async () => {
    const context = await newContext(browser, { phone: true });
    const page = await context.newPage();
    await page.goto(`${server.url}/login`);
    await page.getByPlaceholder('用户名').waitFor();
    expect(await scrollWidth(page)).toBeLessThanOrEqual(PHONE_WIDTH + 1);
    await screenshot(page, 'login-03-phone-login');

    await logIn(page, server.url, 'cx-office');
    await page.getByRole('heading', { name: /对口支援工作概况/ }).waitFor();
    await page.getByRole('cell', { name: '2018年三级医院对口帮扶贫困县县级医院' }).waitFor();
    // The county chart is lazily loaded; wait until it is drawn before measuring.
    await page.locator('.dk-section canvas').first().waitFor();
    expect(await scrollWidth(page)).toBeLessThanOrEqual(PHONE_WIDTH + 1);
    await screenshot(page, 'login-04-phone-home');

    // On a phone the menu is a drawer and the account actions sit behind the avatar.
    await page.getByRole('button', { name: '打开菜单' }).click();
    const drawerLink = page.locator('.ant-drawer').getByRole('link', { name: '对口关系' });
    // A trial click waits until the sliding drawer has come to rest.
    await drawerLink.click({ trial: true });
    await screenshot(page, 'login-05-phone-menu');
    await drawerLink.click();
    await page.waitForURL((u) => u.pathname === '/pairings');
    await drawerLink.waitFor({ state: 'hidden' });
    await page.getByRole('link', { name: '武定县人民医院' }).waitFor();
    // The wide table scrolls inside its own box, not the page.
    expect(await scrollWidth(page)).toBeLessThanOrEqual(PHONE_WIDTH + 1);
    await screenshot(page, 'login-06-phone-pairings');

    await page.getByRole('button', { name: '账号' }).click();
    await page.locator('.dk-user-card').getByText(CX_ORG, { exact: true }).waitFor();
    await page.getByRole('menuitem', { name: /退出登录/ }).click();
    await page.waitForURL((u) => u.pathname === '/login');
    expect(await scrollWidth(page)).toBeLessThanOrEqual(PHONE_WIDTH + 1);
    await context.close();
  });
});
