import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { DEMO_PASSWORD } from './server.js';

export const ARTIFACTS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../artifacts');

/** Debian's Chromium, headless, with the flags this closed network needs; never a downloaded browser. */
export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

export async function newContext(browser: Browser, opts: { phone?: boolean } = {}): Promise<BrowserContext> {
  return browser.newContext({
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    viewport: opts.phone ? { width: 360, height: 740 } : { width: 1366, height: 850 },
    acceptDownloads: true,
  });
}

export async function logIn(page: Page, baseUrl: string, username: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto(`${baseUrl}/login`);
  await page.getByPlaceholder('用户名').fill(username);
  await page.getByPlaceholder('密码').fill(password);
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await page.waitForURL((u) => !u.pathname.startsWith('/login'));
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const file = path.join(ARTIFACTS, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/**
 * Waits for the message (toast) `text` after an act. If it does not come, the error says what the page
 * showed instead (other messages, error alerts, form errors) and a screenshot is kept, so that a failure
 * on CI can be read from its log.
 */
export async function waitForMessage(page: Page, text: string | RegExp, timeout = 30_000): Promise<void> {
  try {
    await page.locator('.ant-message').getByText(text).waitFor({ timeout });
  } catch (e) {
    const shown = await page
      .locator('.ant-message-notice, .ant-alert-error, .ant-form-item-explain-error, .ant-popover:not(.ant-popover-hidden)')
      .allInnerTexts()
      .catch(() => [] as string[]);
    const file = await screenshot(page, `failed-message-${Date.now()}`).catch(() => 'none');
    throw new Error(`no message ${String(text)} within ${timeout} ms at ${page.url()}; the page showed: ${JSON.stringify(shown)}; screenshot ${file}`, { cause: e });
  }
}

/**
 * The options of an antd Select that has just been opened: only those of the dropdown its own input
 * controls. Another Select's dropdown can still be on screen, closing, and hold an option with the same
 * text (a term and a help year read alike): picking there would change the other field.
 */
export async function optionsOf(page: Page, select: Locator, timeout = 30_000): Promise<Locator> {
  // The input names its list only while the dropdown is open.
  const input = select.locator('xpath=(self::input | .//input)[@aria-controls]').first();
  await input.waitFor({ state: 'attached', timeout });
  const listId = await input.getAttribute('aria-controls', { timeout });
  if (!listId) throw new Error('the Select closed before its options could be read');
  return page.locator('.ant-select-dropdown', { has: page.locator(`[id="${listId}"]`) }).locator('.ant-select-item-option');
}
