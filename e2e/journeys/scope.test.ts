import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, logIn, newContext, screenshot } from '../support/browser.js';
import { startServer, type RunningServer } from '../support/server.js';

interface PairingItem { id: string; recipient: { name: string }; supportUnits: { name: string }[]; countyName: string | null }
interface List<T> { items: T[]; total: number }

async function pairingsOf(page: Page, baseUrl: string): Promise<List<PairingItem>> {
  const res = await page.request.get(`${baseUrl}/api/pairings?pageSize=200`);
  expect(res.ok()).toBe(true);
  return (await res.json()) as List<PairingItem>;
}

describe('数据范围：绵阳用户看不到楚雄的对口关系', () => {
  let server: RunningServer;
  let browser: Browser;
  let cx: BrowserContext;
  let my: BrowserContext;
  let cxPairings: List<PairingItem>;
  let myPage: Page;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
    [cx, my] = await Promise.all([newContext(browser), newContext(browser)]);
    const cxPage = await cx.newPage();
    myPage = await my.newPage();
    await Promise.all([logIn(cxPage, server.url, 'cx-office'), logIn(myPage, server.url, 'my-office')]);
    cxPairings = await pairingsOf(cxPage, server.url);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('my-office sees only Mianyang pairings in 对口关系', async () => {
    const mine = await pairingsOf(myPage, server.url);
    expect(mine.total).toBeGreaterThan(0);
    expect(cxPairings.total).toBe(8);

    await myPage.goto(`${server.url}/pairings?pageSize=100`);
    await myPage.getByRole('heading', { name: '对口关系' }).waitFor();
    await myPage.locator('.ant-pagination-total-text').filter({ hasText: `共 ${mine.total} 条` }).waitFor();
    await myPage.getByRole('link', { name: '平武县人民医院' }).waitFor();
    expect(await myPage.locator('.ant-table-tbody tr.ant-table-row').count()).toBe(mine.total);
    const table = await myPage.locator('.ant-table-tbody').innerText();
    for (const word of ['楚雄', '武定', '姚安', '云南省']) expect(table, `table mentions ${word}`).not.toContain(word);
    // None of cx-office's pairings is linked from the list.
    const hrefs = await myPage.locator('.ant-table-tbody a[href^="/pairings/"]').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    for (const p of cxPairings.items) expect(hrefs).not.toContain(`/pairings/${p.id}`);
    // Long needs such as 「由支援和受援双方协商确定专业」 stay inside their column.
    const overflowing = await myPage.locator('.ant-table-tbody td .ant-tag').evaluateAll((tags) =>
      tags.filter((t) => t.getBoundingClientRect().right > t.closest('td')!.getBoundingClientRect().right + 0.5).map((t) => t.textContent));
    expect(overflowing).toEqual([]);
    await screenshot(myPage, 'scope-01-my-office-list');

    // Searching for a Chuxiong hospital finds nothing.
    await myPage.getByPlaceholder('单位、县市区或专业').fill('武定');
    await myPage.getByPlaceholder('单位、县市区或专业').press('Enter');
    await myPage.getByText('没有符合条件的对口关系，请调整搜索词或筛选条件。').waitFor();
    await screenshot(myPage, 'scope-02-my-office-search-wuding');
  });

  it("opening a Chuxiong pairing's URL as my-office shows a not-found state, not its data", async () => {
    const wuding = cxPairings.items.find((p) => p.recipient.name === '武定县人民医院')!;
    expect(wuding).toBeDefined();
    const res = await myPage.request.get(`${server.url}/api/pairings/${wuding.id}`);
    expect(res.status()).toBe(404);

    await myPage.goto(`${server.url}/pairings/${wuding.id}`);
    await myPage.getByText('对口关系不存在', { exact: true }).waitFor();
    await myPage.getByText('该对口关系不存在、已被删除，或不在您的数据范围内。').waitFor();
    // A 404 is final: no retry button, a way back to the list instead.
    expect(await myPage.getByRole('button', { name: /重\s*试/ }).count()).toBe(0);
    const main = await myPage.locator('.dk-content').innerText();
    for (const word of ['武定县人民医院', '云南省第一人民医院', '解放军第401医院', '2018年三级医院对口帮扶贫困县县级医院']) {
      expect(main, `page shows ${word}`).not.toContain(word);
    }
    expect(await myPage.locator('.ant-descriptions').count()).toBe(0);
    await screenshot(myPage, 'scope-03-my-office-cx-detail');
    await myPage.getByRole('button', { name: '返回对口关系列表' }).click();
    await myPage.waitForURL((u) => u.pathname === '/pairings');
    await myPage.getByRole('link', { name: '平武县人民医院' }).waitFor();
  });
});
